"""The LLM step: which groups to ask for, asking with bounded concurrency, answer rows, summary.

Engine-free: every input and output is a list of plain dicts, so the dbt Python model on DuckDB,
`job-insights run` on Postgres, the tests and the benchmark share this one code path.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any, TextIO

from job_insights.llm.client import CallResult, LlmClient
from job_insights.llm.prompt import PROMPT_VERSION, Category, build_messages, load_categories
from job_insights.llm.settings import LlmSettings

Row = Mapping[str, Any]

# Columns of `llm_error_classifications`, in order, with their portable SQL types.
ANSWER_COLUMNS: dict[str, str] = {
    "fingerprint": "varchar",
    "category": "varchar",
    "confidence": "double precision",
    "reasoning": "varchar",
    "model": "varchar",
    "prompt_version": "varchar",
    "prompt_tokens": "integer",
    "completion_tokens": "integer",
    "latency_ms": "integer",
    "classified_at": "timestamp",
}
UNIQUE_KEY = ("fingerprint", "model", "prompt_version")


@dataclass
class Summary:
    """Counts of one run; `line()` is what the run prints, always."""

    queued: int = 0
    already_answered: int = 0
    sent: int = 0
    answered: int = 0
    below_min_confidence: int = 0
    rejected: int = 0
    pending: int = 0
    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    disabled: bool = False
    stopped_reason: str | None = None
    errors: dict[str, int] = field(default_factory=dict)

    def line(self) -> str:
        if self.disabled:
            return f"llm: disabled, {self.pending} groups pending"
        low = (
            f" ({self.below_min_confidence} below min confidence)"
            if self.below_min_confidence
            else ""
        )
        known = f"; {self.already_answered} already answered" if self.already_answered else ""
        return (
            f"llm: {self.sent} groups sent, {self.answered} answered{low}, "
            f"{self.rejected} rejected, {self.pending} pending, {self.requests} requests, "
            f"{self.prompt_tokens}+{self.completion_tokens} tokens, {self.seconds:.1f} s{known}"
        )


@dataclass
class StepResult:
    rows: list[dict[str, Any]]
    summary: Summary


def pending_groups(
    queue_rows: Iterable[Row], existing_answers: Iterable[Row], settings: LlmSettings
) -> tuple[list[Row], int]:
    """The queue less the groups answered for this model and prompt version (unless
    reclassifying), one row per fingerprint, most frequent and most recent first.
    Returns the groups and how many were left out as already answered."""
    answered: set[str] = set()
    if not settings.reclassify:
        answered = {
            str(a["fingerprint"])
            for a in existing_answers
            if a.get("model") == settings.model and a.get("prompt_version") == PROMPT_VERSION
        }
    seen: set[str] = set()
    todo: list[Row] = []
    skipped = 0
    for row in queue_rows:
        fp = str(row["fingerprint"])
        if fp in seen:
            continue
        seen.add(fp)
        if fp in answered:
            skipped += 1
        else:
            todo.append(row)
    todo.sort(key=_priority)
    return todo, skipped


def _priority(row: Row) -> tuple[int, float, str]:
    last_seen = row.get("last_seen_at")
    stamp = last_seen.timestamp() if isinstance(last_seen, dt.datetime) else 0.0
    return (-int(row.get("occurrences") or 0), -stamp, str(row["fingerprint"]))


def classify_groups(
    queue_rows: Iterable[Row],
    examples: Sequence[Row],
    categories: Iterable[Row],
    settings: LlmSettings,
    existing_answers: Iterable[Row] = (),
    *,
    out: TextIO | None = None,
    now: Callable[[], dt.datetime] | None = None,
) -> StepResult:
    """Ask the model about every pending group and return the rows to store.

    `queue_rows`: `int_llm_queue` rows; `examples`: `int_corrected_error_groups` rows;
    `categories`: `error_categories` rows; `existing_answers`: rows already in
    `llm_error_classifications` (at least fingerprint, model, prompt_version).
    Never raises because of the endpoint: what could not be answered stays pending. Prints a
    warning when calls stopped early and always the one-line summary to `out` (stderr).
    """
    stream = sys.stderr if out is None else out
    clock = now or (lambda: dt.datetime.now(dt.UTC).replace(tzinfo=None))
    started = time.monotonic()
    todo, skipped = pending_groups(queue_rows, existing_answers, settings)
    summary = Summary(queued=len(todo) + skipped, already_answered=skipped)
    if not settings.enabled or not todo:
        summary.disabled = not settings.enabled
        summary.pending = len(todo)
        _emit(stream, summary, started)
        return StepResult([], summary)

    cats = load_categories(categories)
    batch = todo if settings.max_groups is None else todo[: settings.max_groups]
    summary.pending = len(todo) - len(batch)
    rows: list[dict[str, Any]] = []
    with LlmClient(settings, cats) as client, _progress(settings, stream, len(batch)) as tick:
        with ThreadPoolExecutor(max_workers=settings.concurrency) as pool:
            futures = {
                pool.submit(_ask, client, group, examples, cats, settings): group for group in batch
            }
            for future in as_completed(futures):
                group, result = futures[future], future.result()
                _count(summary, result, settings)
                if result.outcome == "answered" and result.answer is not None:
                    rows.append(_answer_row(group, result, settings, clock()))
                tick(summary)
        summary.requests = client.requests
        if client.breaker.is_open:
            summary.stopped_reason = client.breaker.reason
            stream.write(
                f"WARNING llm: stopped calling {settings.base_url}: {client.breaker.reason}; "
                f"{summary.pending} groups left pending for the next run "
                "(start the server, fix LOCAL_LLM_* or set LOCAL_LLM_ENABLED=false)\n"
            )
    rows.sort(key=lambda r: r["fingerprint"])
    _emit(stream, summary, started)
    return StepResult(rows, summary)


def _ask(
    client: LlmClient,
    group: Row,
    examples: Sequence[Row],
    categories: Sequence[Category],
    settings: LlmSettings,
) -> CallResult:
    if client.breaker.is_open:
        return CallResult("pending", error=client.breaker.reason)
    return client.classify(build_messages(group, examples, categories, settings.few_shot_k))


def _count(summary: Summary, result: CallResult, settings: LlmSettings) -> None:
    if result.requests:
        summary.sent += 1
    summary.prompt_tokens += result.prompt_tokens or 0
    summary.completion_tokens += result.completion_tokens or 0
    if result.outcome == "answered" and result.answer is not None:
        summary.answered += 1
        if result.answer.confidence < settings.min_confidence:
            summary.below_min_confidence += 1
    elif result.outcome == "rejected":
        summary.rejected += 1
    else:
        summary.pending += 1
    if result.error and result.outcome != "answered":
        summary.errors[result.error] = summary.errors.get(result.error, 0) + 1


def _answer_row(
    group: Row, result: CallResult, settings: LlmSettings, at: dt.datetime
) -> dict[str, Any]:
    assert result.answer is not None
    return {
        "fingerprint": str(group["fingerprint"]),
        "category": result.answer.category,
        "confidence": result.answer.confidence,
        "reasoning": result.answer.reasoning,
        "model": settings.model,
        "prompt_version": PROMPT_VERSION,
        "prompt_tokens": result.prompt_tokens,
        "completion_tokens": result.completion_tokens,
        "latency_ms": result.latency_ms,
        "classified_at": at,
    }


def effective_category(
    category: str | None, confidence: float | None, min_confidence: float
) -> str:
    """What a stored answer means downstream: below the minimum confidence it stays UNKNOWN."""
    if category is None or confidence is None or confidence < min_confidence:
        return "UNKNOWN"
    return category


def _emit(stream: TextIO, summary: Summary, started: float) -> None:
    summary.seconds = time.monotonic() - started
    causes = sorted(summary.errors.items(), key=lambda kv: (-kv[1], kv[0]))
    for cause, count in causes[:5]:
        stream.write(f"llm: {count} not answered: {cause}\n")
    if len(causes) > 5:
        stream.write(f"llm: {sum(n for _, n in causes[5:])} not answered for other causes\n")
    stream.write(summary.line() + "\n")
    stream.flush()


class _progress:
    """A rich progress bar on a terminal (counts and ETA); a no-op elsewhere."""

    def __init__(self, settings: LlmSettings, stream: TextIO, total: int) -> None:
        show = settings.progress
        if show is None:
            show = bool(getattr(stream, "isatty", lambda: False)())
        self.show = show
        self.stream = stream
        self.total = total
        self._bar: Any = None
        self._task: Any = None

    def __enter__(self) -> Callable[[Summary], None]:
        if not self.show:
            return lambda summary: None
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._bar = Progress(
            TextColumn("llm"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.description}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(file=self.stream, force_terminal=True),
            transient=True,
        )
        self._bar.start()
        self._task = self._bar.add_task("", total=self.total)
        return self._tick

    def _tick(self, summary: Summary) -> None:
        self._bar.update(
            self._task,
            advance=1,
            description=(
                f"{summary.answered} answered {summary.rejected} rejected {summary.pending} pending"
            ),
        )

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
