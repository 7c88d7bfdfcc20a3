"""Validation of a model's answer: whatever the server promised, nothing is trusted unchecked."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection
from dataclasses import dataclass

from job_insights.llm.prompt import REASONING_CHARS

_FENCE = re.compile(r"^```[a-zA-Z]*\s*(.*?)\s*```$", re.DOTALL)


class InvalidAnswer(ValueError):
    """The answer is not a valid classification; the group counts as not answered."""


@dataclass(frozen=True)
class Answer:
    category: str
    confidence: float
    reasoning: str


def parse_answer(content: str | None, allowed: Collection[str]) -> Answer:
    """One JSON object with a category from `allowed`, a confidence within 0..1 and a non-empty
    reasoning; a Markdown code fence around it is tolerated, anything else is rejected."""
    if content is None or not content.strip():
        raise InvalidAnswer("empty answer")
    text = content.strip()
    fenced = _FENCE.match(text)
    if fenced:
        text = fenced.group(1)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidAnswer(f"not JSON: {exc.msg}") from None
    if not isinstance(data, dict):
        raise InvalidAnswer(f"not a JSON object but {type(data).__name__}")
    missing = [k for k in ("category", "confidence", "reasoning") if k not in data]
    if missing:
        raise InvalidAnswer(f"missing {', '.join(missing)}")
    category, confidence, reasoning = data["category"], data["confidence"], data["reasoning"]
    if not isinstance(category, str) or category.strip().upper() not in allowed:
        raise InvalidAnswer(f"unknown category {category!r}")
    if isinstance(confidence, bool) or not isinstance(confidence, int | float):
        raise InvalidAnswer(f"confidence is not a number: {confidence!r}")
    if not math.isfinite(confidence) or not 0.0 <= confidence <= 1.0:
        raise InvalidAnswer(f"confidence {confidence!r} outside 0..1")
    if not isinstance(reasoning, str) or not reasoning.strip():
        raise InvalidAnswer("reasoning missing or not a string")
    reasoning = " ".join(reasoning.split())
    if len(reasoning) > REASONING_CHARS:
        reasoning = reasoning[: REASONING_CHARS - 1] + "…"
    return Answer(category.strip().upper(), float(confidence), reasoning)
