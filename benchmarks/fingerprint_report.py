"""How well the fingerprint (mask_error_text + error_fingerprint macros) groups the corpus.

For every template_id of the labelled corpus: how many fingerprints its variants get within one
activity (goal: 1, so that one message template is one error group), and whether any fingerprint
mixes templates of different categories (must never happen: one group gets one category; an
ambiguous template counts with either of its two).

    uv run python benchmarks/fingerprint_report.py [--show 20]
"""

from __future__ import annotations

import argparse
import tempfile
from collections import defaultdict
from pathlib import Path

from job_insights.corpus import load_corpus, mixed_groups
from job_insights.rule_eval import Engine, ErrorRow, evaluate


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=15, help="split templates to show")
    args = parser.parse_args()
    entries = load_corpus()
    evaluation = evaluate(
        Engine("duckdb", Path(tempfile.mkdtemp(prefix="ji-fp-"))),
        [ErrorRow.from_entry(e) for e in entries],
    )
    verdicts = evaluation.verdicts

    per_activity: dict[tuple[str, str], set[str]] = defaultdict(set)
    per_template: dict[str, set[str]] = defaultdict(set)
    templates_of: dict[str, set[str]] = defaultdict(set)
    for e in entries:
        fp = verdicts[e.id].fingerprint
        per_activity[(e.template_id, e.activity_name)].add(fp)
        per_template[e.template_id].add(fp)
        templates_of[fp].add(e.template_id)

    # The masking alone: distinct (exception, template) per template_id, whatever the activity.
    masked: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for e in entries:
        masked[e.template_id].add((e.exception, verdicts[e.id].error_template))
    split_masks = {t: v for t, v in masked.items() if len(v) > 1}

    split = {k: v for k, v in per_activity.items() if len(v) > 1}
    templates_split = sorted({t for t, _ in split})
    mixed = mixed_groups(entries, lambda e: verdicts[e.id].fingerprint)
    merged = [fp for fp, templates in templates_of.items() if len(templates) > 1]

    print(
        f"{len(entries)} errors, {len(per_template)} templates, {len(templates_of)} fingerprints"
    )
    print(
        f"(template, activity) pairs: {len(per_activity)}; with exactly one fingerprint: "
        f"{len(per_activity) - len(split)} ({1 - len(split) / len(per_activity):.1%})"
    )
    print(
        f"templates split into several fingerprints within one activity: "
        f"{len(templates_split)} of {len(per_template)}"
    )
    print(
        f"templates whose variants mask to more than one template text (activity aside): "
        f"{len(split_masks)} of {len(masked)}"
    )
    print(f"fingerprints mixing templates of different categories: {len(mixed)}")
    print(f"fingerprints shared by several templates with a category in common: "
          f"{len(merged) - len(mixed)}")
    for template in templates_split[: args.show]:
        examples = [e for e in entries if e.template_id == template]
        shown = {verdicts[e.id].error_template[:150] for e in examples}
        print(f"\n  {template}: {len(per_template[template])} fingerprints")
        for text in sorted(shown)[:4]:
            print(f"    {text}")
    if split_masks:
        print("\nTemplates the masking does not unify (exception aside), worst first:")
    for template, texts in sorted(split_masks.items(), key=lambda kv: -len(kv[1]))[: args.show]:
        print(f"\n  {template}: {len(texts)} masked texts")
        for _, text in sorted(texts)[:3]:
            print(f"    {text[:160]}")
    for fp, templates in mixed.items():
        print(f"\n  MIXED {fp}: {templates}")
    return 1 if mixed else 0


if __name__ == "__main__":
    raise SystemExit(main())
