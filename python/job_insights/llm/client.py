"""Calls to an OpenAI-compatible chat-completions endpoint: one group, one answer.

Retries with exponential backoff and jitter on 429, 5xx, timeouts and connection errors (a
Retry-After header wins over the backoff); a circuit breaker stops all calls after several
connection failures in a row; structured output is lowered (json_schema > json_object > none)
when the server refuses it. The `openai` client's own retries are off so that every HTTP request
is counted and paced here.
"""

from __future__ import annotations

import dataclasses
import email.utils
import random
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from job_insights.llm.prompt import Category, Message, allowed_categories, response_format
from job_insights.llm.settings import RESPONSE_FORMATS, LlmSettings
from job_insights.llm.validate import Answer, InvalidAnswer, parse_answer

if TYPE_CHECKING:
    import openai

Outcome = Literal["answered", "rejected", "pending"]

# HTTP statuses that say the endpoint is configured wrongly: asking again for other groups is
# pointless, so they open the breaker at once.
_FATAL_STATUSES = {401, 403, 404}
_FORMAT_HINTS = ("response_format", "json_schema", "json_object")


@dataclass(frozen=True)
class CallResult:
    outcome: Outcome
    answer: Answer | None = None
    error: str | None = None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    latency_ms: int | None = None
    requests: int = 0


class CircuitBreaker:
    """Opens after `threshold` consecutive connection failures; any server response resets it."""

    def __init__(self, threshold: int) -> None:
        self.threshold = threshold
        self._failures = 0
        self._reason: str | None = None
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        return self._reason is not None

    @property
    def reason(self) -> str | None:
        return self._reason

    def record_failure(self, error: str) -> None:
        with self._lock:
            self._failures += 1
            if self._failures >= self.threshold and self._reason is None:
                self._reason = f"{self._failures} connection failures in a row, last: {error}"

    def record_success(self) -> None:
        with self._lock:
            self._failures = 0

    def trip(self, reason: str) -> None:
        with self._lock:
            if self._reason is None:
                self._reason = reason


class LlmClient:
    """Thread-safe: one instance serves all workers of a run."""

    def __init__(self, settings: LlmSettings, categories: Sequence[Category]) -> None:
        self.settings = settings
        self.categories = list(categories)
        self.allowed = set(allowed_categories(categories))
        self.breaker = CircuitBreaker(settings.breaker_threshold)
        self._format_level = RESPONSE_FORMATS.index(settings.response_format)
        self._lock = threading.Lock()
        self._requests = 0
        self._random = random.Random()
        # Imported here, not at the top: `openai` takes 0.4 s to import, and every dbt run on
        # DuckDB loads this module for the LLM model, which usually has no group to send.
        import openai

        self._client = openai.OpenAI(
            base_url=settings.base_url,
            api_key=settings.api_key,
            timeout=settings.timeout_s,
            max_retries=0,
        )

    @property
    def requests(self) -> int:
        """HTTP requests made so far, retries included."""
        return self._requests

    @property
    def format_kind(self) -> str:
        return RESPONSE_FORMATS[self._format_level]

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> LlmClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def classify(self, messages: list[Message]) -> CallResult:
        """Ask once (plus retries) for one group; never raises for server or answer faults."""
        import openai  # already loaded by __init__

        requests = 0
        retries = 0
        last_error = "not sent"
        while True:
            if self.breaker.is_open:
                return CallResult("pending", error=self.breaker.reason, requests=requests)
            kind = self.format_kind
            started = time.monotonic()
            requests += 1
            with self._lock:
                self._requests += 1
            try:
                completion = self._create(messages, kind)
            except openai.APITimeoutError:
                last_error = f"timeout after {self.settings.timeout_s:g}s"
                self.breaker.record_failure(last_error)
                retry_after = None
            except openai.APIConnectionError as exc:
                last_error = f"connection error: {_cause(exc)}"
                self.breaker.record_failure(last_error)
                retry_after = None
            except openai.APIStatusError as exc:
                self.breaker.record_success()
                status = exc.status_code
                last_error = f"HTTP {status}: {_short(exc.message)}"
                # some servers (llama-cpp-python) answer an unsupported response_format with
                # a 500: lower the structured output before retrying anything
                if (status in (400, 422) or status >= 500) and self._lower_format(kind, exc):
                    continue
                if status == 429 or status >= 500:
                    retry_after = _retry_after(exc.response.headers)
                elif status in _FATAL_STATUSES:
                    self.breaker.trip(f"{last_error} (check model name, URL and API key)")
                    return CallResult("pending", error=last_error, requests=requests)
                else:
                    return CallResult("rejected", error=last_error, requests=requests)
            except (openai.OpenAIError, ValueError) as exc:
                # a 200 whose body is not a chat completion
                self.breaker.record_success()
                return CallResult(
                    "rejected", error=f"bad response: {_short(str(exc))}", requests=requests
                )
            else:
                self.breaker.record_success()
                latency_ms = round((time.monotonic() - started) * 1000)
                return self._result(completion, latency_ms, requests)
            if retries >= self.settings.max_retries:
                return CallResult("pending", error=last_error, requests=requests)
            time.sleep(self._delay(retries, retry_after))
            retries += 1

    def _create(self, messages: list[Message], kind: str) -> Any:
        extra: dict[str, Any] = {}
        fmt = response_format(kind, self.categories)
        if fmt is not None:
            extra["response_format"] = fmt
        return self._client.chat.completions.create(
            model=self.settings.model,
            messages=messages,  # type: ignore[arg-type]
            temperature=self.settings.temperature,
            max_tokens=self.settings.max_tokens,
            **extra,
        )

    def _result(self, completion: Any, latency_ms: int, requests: int) -> CallResult:
        usage = getattr(completion, "usage", None)
        base = CallResult(
            "rejected",
            prompt_tokens=getattr(usage, "prompt_tokens", None),
            completion_tokens=getattr(usage, "completion_tokens", None),
            latency_ms=latency_ms,
            requests=requests,
        )
        choices = getattr(completion, "choices", None) or []
        if not choices:
            return dataclasses.replace(base, error="response without choices")
        message = getattr(choices[0], "message", None)
        content = getattr(message, "content", None)
        try:
            answer = parse_answer(content if isinstance(content, str) else None, self.allowed)
        except InvalidAnswer as exc:
            return dataclasses.replace(base, error=f"invalid answer: {exc}")
        return dataclasses.replace(base, outcome="answered", answer=answer)

    def _lower_format(self, kind: str, exc: openai.APIStatusError) -> bool:
        """After a 400 that blames the structured output, ask for the next weaker level."""
        if kind == "none":
            return False
        text = f"{exc.message} {exc.body}".lower()
        if not any(hint in text for hint in _FORMAT_HINTS):
            return False
        with self._lock:
            if RESPONSE_FORMATS[self._format_level] == kind:
                self._format_level += 1
        return True

    def _delay(self, retries: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.settings.backoff_max_s)
        backoff = min(self.settings.backoff_max_s, self.settings.backoff_base_s * 2**retries)
        return backoff * self._random.uniform(0.5, 1.0)


def _retry_after(headers: Any) -> float | None:
    """Seconds to wait from Retry-After (seconds or an HTTP date) or retry-after-ms."""
    millis = headers.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _cause(exc: BaseException) -> str:
    while exc.__cause__ is not None:
        exc = exc.__cause__
    return _short(str(exc) or type(exc).__name__)


def _short(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
