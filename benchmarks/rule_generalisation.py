"""Coverage and precision of an EARLIER version of the rules on corpus lines it never saw.

The holdout split only measures generalisation for rules written without looking at it. This
reads the rules seed as it was at a git revision (the Python matcher, which
tests/test_rule_fixtures.py proves equal to the compiled SQL) and scores it on a subset:

    uv run python benchmarks/rule_generalisation.py REV [--subset SUBSET]

where SUBSET is holdout (the default), original (the holdout without any of the others),
fresh, blind, blind2 or one of the later rounds (FROZEN_BEFORE: blind3, blind4, ..., prod1, ...).

`fresh` are the templates captured after the rules were frozen (template_id `fresh.*`);
`blind` the ones captured by scripts/capture_blind_holdout.py without looking at the rules
(template_id `blind.*`); `blindN` the N-th blind holdout, captured the same way by
scripts/capture_blindN_holdout.py (template_id `blindN.*`). The blind rounds hunt templates new to
the corpus: the long tail. `prodN` are production-mix rounds (scripts/capture_prodN_holdout.py),
also captured without reading the rules, but choosing the errors a platform meets most often in
their common wordings with fresh values, whether or not the corpus has the template already.

    uv run python benchmarks/rule_generalisation.py --per-rule

scores every round against the rules frozen before it (FROZEN_BEFORE) and prints, per
rule, how many unseen errors it classified and how many of those rightly, beside the
confidence the current seed gives it and, for a rule with at least MIN_UNSEEN such errors,
the confidence they support: (right + 1) / (unseen + 2), to the nearest 0.05, within 0.5..0.95.
`--per-rule --write-confidences` writes those into the seed (docs/rules.md: the seed's
confidences follow it).

    uv run python benchmarks/rule_generalisation.py --by-confidence

scores every round against the rules frozen before it, as --per-rule does, and prints the
pooled coverage and precision of the blind rounds, of the production-mix rounds and of all,
when only verdicts whose rule had at least a given confidence in that frozen seed count (the
rest left to the LLM): what a confidence threshold would trade.
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from job_insights.corpus import CATEGORIES, CorpusEntry, load_corpus
from job_insights.rules import Rule, first_match, load_rules, parse_rules

#: each round and the commit whose rules were frozen before it was captured
FROZEN_BEFORE = {
    "blind3": "0935a85",
    "blind4": "ad31c76",
    "blind5": "1500cb5",
    "blind6": "34a31af",
    "blind7": "82603aa",
    "blind8": "1dcf431",
    "blind9": "5b8cc48",
    "blind10": "7c33a45",
    "blind11": "84992e6",
    "blind12": "2bfa3dc",
    "blind13": "2bfa3dc",
    "blind14": "31e7378",
    "blind15": "31e7378",
    "blind16": "9b65974",
    "blind17": "9b65974",
    "blind18": "124d016",
    "blind19": "124d016",
    "blind20": "6945ac0",
    "blind21": "6945ac0",
    "blind22": "602fdcf",
    "blind23": "602fdcf",
    "prod1": "64bc194",
    "prod2": "64bc194",
    "prod3": "268b6af",
    "prod4": "268b6af",
    "prod5": "0b51935",
    "prod6": "0b51935",
    "prod7": "151b697",
    "prod8": "151b697",
}

#: holdout subsets captured after some version of the rules, by template_id prefix
SUBSETS = ("fresh", "blind", "blind2", *FROZEN_BEFORE)


def rules_at(rev: str) -> list[Rule]:
    text = subprocess.run(
        ["git", "show", f"{rev}:seeds/classification_rules.csv"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return parse_rules(csv.DictReader(io.StringIO(text)), max_length=None)


SEED = Path(__file__).resolve().parents[1] / "seeds" / "classification_rules.csv"

#: the confidence floors --by-confidence reports
CONFIDENCE_FLOORS = (0.0, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)

#: unseen errors a rule needs before its measured precision sets its confidence
MIN_UNSEEN = 20


def supported_confidence(unseen: int, right: int) -> float:
    """The rule of succession's estimate of the rule's precision, rounded for the seed."""
    estimate = round((right + 1) / (unseen + 2) * 20) / 20
    return min(0.95, max(0.5, estimate))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", nargs="?", help="git revision of seeds/classification_rules.csv")
    parser.add_argument("--subset", choices=["holdout", *SUBSETS, "original"], default="holdout")
    parser.add_argument(
        "--per-rule",
        action="store_true",
        help="per rule: unseen errors it classified in the blind rounds",
    )
    parser.add_argument(
        "--by-confidence",
        action="store_true",
        help="pooled blind rounds: coverage and precision per confidence floor",
    )
    parser.add_argument(
        "--write-confidences",
        action="store_true",
        help="with --per-rule: set the seed's confidence of every rule with at "
        f"least {MIN_UNSEEN} unseen errors to the supported one",
    )
    args = parser.parse_args()
    if args.per_rule:
        return per_rule(write=args.write_confidences)
    if args.by_confidence:
        return by_confidence()
    if not args.rev:
        parser.error("give a git revision, or --per-rule")
    rules = rules_at(args.rev)
    entries = [e for e in load_corpus() if e.split == "holdout"]
    if args.subset in SUBSETS:
        entries = [e for e in entries if e.template_id.startswith(f"{args.subset}.")]
    elif args.subset == "original":
        prefixes = tuple(f"{subset}." for subset in SUBSETS)
        entries = [e for e in entries if not e.template_id.startswith(prefixes)]
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for e in entries:
        rule = first_match(rules, e.exception, e.message, e.activity_name, e.code)
        for key in (e.category, "all"):
            counts[key][0] += 1
            if rule is not None:
                counts[key][1] += 1
                counts[key][2] += e.accepts(rule.category)
    print(f"rules at {args.rev} ({len(rules)} rules) on {args.subset}: {len(entries)} errors")
    for key in (*CATEGORIES, "all"):
        total, covered, correct = counts[key]
        if total:
            precision = correct / covered if covered else 0.0
            print(
                f"  {key:20} {total:4d} coverage {covered / total:6.1%}  precision {precision:6.1%}"
            )
    return 0


def round_verdicts() -> Iterator[tuple[str, CorpusEntry, Rule | None]]:
    """Every line of the rounds with its round and the first rule, frozen before it, it meets."""
    entries = [e for e in load_corpus() if e.split == "holdout"]
    for subset, rev in FROZEN_BEFORE.items():
        rules = rules_at(rev)
        for e in entries:
            if e.template_id.startswith(f"{subset}."):
                yield subset, e, first_match(rules, e.exception, e.message, e.activity_name, e.code)


def per_rule(write: bool = False) -> int:
    """Each round against the rules frozen before it, pooled per rule_id."""
    verdicts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for _, e, rule in round_verdicts():
        if rule is not None:
            verdicts[rule.rule_id][0] += 1
            verdicts[rule.rule_id][1] += e.accepts(rule.category)
    current = {rule.rule_id: rule for rule in load_rules(SEED)}  # the working copy
    print(f"rounds {', '.join(FROZEN_BEFORE)}, each against the rules frozen before it")
    print(
        f"{'rule_id':36} {'unseen':>6} {'right':>6} {'precision':>9} {'confidence':>10} "
        f"{'supported':>9}"
    )
    for rule_id, (seen, right) in sorted(verdicts.items(), key=lambda kv: (-kv[1][0], kv[0])):
        confidence = f"{current[rule_id].confidence:.2f}" if rule_id in current else "(gone)"
        supported = f"{supported_confidence(seen, right):.2f}" if seen >= MIN_UNSEEN else ""
        print(
            f"{rule_id:36} {seen:6d} {right:6d} {right / seen:9.1%} {confidence:>10} {supported:>9}"
        )
    if write:
        write_confidences(
            {
                rule_id: supported_confidence(seen, right)
                for rule_id, (seen, right) in verdicts.items()
                if seen >= MIN_UNSEEN
            }
        )
    return 0


def by_confidence() -> int:
    """Pooled rounds, counting only verdicts of rules at or above a confidence floor."""
    tail, prod = "blind (long tail)", "prod"
    pools: dict[str, list[tuple[float | None, bool]]] = {tail: [], prod: [], "all": []}
    for subset, e, rule in round_verdicts():
        verdict = (rule.confidence, e.accepts(rule.category)) if rule else (None, False)
        pools[prod if subset.startswith("prod") else tail].append(verdict)
        pools["all"].append(verdict)
    print(f"rounds {', '.join(FROZEN_BEFORE)}, each against the rules frozen before it")
    pooled = ", ".join(f"{kind} {len(verdicts)}" for kind, verdicts in pools.items())
    print(f"  pooled: {pooled} errors; coverage / precision")
    for floor in CONFIDENCE_FLOORS:
        cells = []
        for verdicts in pools.values():
            kept = [right for confidence, right in verdicts
                    if confidence is not None and confidence >= floor]
            coverage = len(kept) / len(verdicts) if verdicts else 0.0
            precision = sum(kept) / len(kept) if kept else 0.0
            cells.append(f"{coverage:6.1%} / {precision:6.1%}")
        print(f"  confidence >= {floor:.2f}: " + "   ".join(cells))
    return 0


def write_confidences(confidences: dict[str, float]) -> None:
    """Set these rules' confidence in seeds/classification_rules.csv, the rest unchanged."""
    with SEED.open(newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = reader.fieldnames or [], list(reader)
    for row in rows:
        if row["rule_id"] in confidences:
            row["confidence"] = f"{confidences[row['rule_id']]:.2f}".rstrip("0").rstrip(".")
    with SEED.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(confidences)} confidences to {SEED.relative_to(SEED.parents[1])}")


if __name__ == "__main__":
    raise SystemExit(main())
