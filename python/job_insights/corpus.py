"""The labelled corpus of real error texts shipped in ``job_insights/data/error_corpus.jsonl``.

Produced by ``scripts/capture_error_corpus.py``, which triggers each error in the real library.
One JSON object a line:

- ``id``: unique; ``template_id`` is shared by variants of one message template.
- ``family``: e.g. ``duckdb.binder``; ``exception``: class name as the platform records it.
- ``message``, ``activity_name``, ``code`` (int or null), ``details`` (dict).
- ``category``: ``INPUT_DATA_QUALITY`` | ``WORKFLOW_ENGINE`` | ``THIRD_PARTY_SYSTEM``;
  ``ambiguous`` (bool) and ``alt_category`` (the other defensible category or null).
- ``source``: library and version that produced it; ``split``: ``train`` or ``holdout`` (whole
  templates, so that rules written on ``train`` are measured honestly on ``holdout``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

CATEGORIES = ("INPUT_DATA_QUALITY", "WORKFLOW_ENGINE", "THIRD_PARTY_SYSTEM")


@dataclass(frozen=True)
class CorpusEntry:
    id: str
    family: str
    template_id: str
    exception: str
    message: str
    activity_name: str
    code: int | None
    category: str
    ambiguous: bool
    alt_category: str | None
    source: str
    split: str
    details: dict[str, Any] = field(default_factory=dict)

    def accepts(self, category: str) -> bool:
        """True when `category` is a correct verdict (either one, for ambiguous entries)."""
        return category in self.labels()

    def labels(self) -> set[str]:
        """The categories a correct verdict may give: the label, and an ambiguous one's second."""
        second = self.alt_category if self.ambiguous else None
        return {self.category} | ({second} if second else set())


def mixed_groups(
    entries: Iterable[CorpusEntry], key: Callable[[CorpusEntry], str]
) -> dict[str, list[tuple[str, str]]]:
    """The groups of entries (by `key`, e.g. their fingerprint) with no right category in common,
    each with its sorted (template_id, category) pairs. An ambiguous entry counts with either of
    its two categories."""
    groups: dict[str, list[CorpusEntry]] = defaultdict(list)
    for entry in entries:
        groups[key(entry)].append(entry)
    return {
        name: sorted({(e.template_id, e.category) for e in group})
        for name, group in groups.items()
        if not set.intersection(*(e.labels() for e in group))
    }


def corpus_path() -> Path:
    return Path(str(resources.files("job_insights") / "data" / "error_corpus.jsonl"))


def load_corpus(path: Path | None = None) -> list[CorpusEntry]:
    entries = []
    with (path or corpus_path()).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                entries.append(CorpusEntry(**json.loads(line)))
    return entries
