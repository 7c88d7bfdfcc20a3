"""Coverage and precision of an EARLIER version of the rules on corpus lines it never saw.

The holdout split only measures generalisation for rules written without looking at it. This
reads the rules seed as it was at a git revision (the Python matcher, which
tests/test_rule_fixtures.py proves equal to the compiled SQL) and scores it on a subset:

    uv run python benchmarks/rule_generalisation.py REV [--subset SUBSET]

where SUBSET is holdout (the default), fresh, blind, blind2, blind3, blind4, blind5, blind6,
blind7 or original.

`fresh` are the templates captured after the rules were frozen (template_id `fresh.*`),
`blind` the ones captured by scripts/capture_blind_holdout.py without looking at the rules
(template_id `blind.*`), `blind2` the second blind holdout of scripts/capture_blind2_holdout.py
(template_id `blind2.*`), `blind3` the third of scripts/capture_blind3_holdout.py (template_id
`blind3.*`), `blind4` the fourth of scripts/capture_blind4_holdout.py (template_id `blind4.*`),
`blind5` the fifth of scripts/capture_blind5_holdout.py (template_id `blind5.*`),
`blind6` the sixth of scripts/capture_blind6_holdout.py (template_id `blind6.*`),
`blind7` the seventh of scripts/capture_blind7_holdout.py (template_id `blind7.*`),
`original` the holdout without any of them.
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
from collections import defaultdict

from job_insights.corpus import CATEGORIES, load_corpus
from job_insights.rules import first_match, parse_rules

#: holdout subsets captured after some version of the rules, by template_id prefix
SUBSETS = ("fresh", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", help="git revision of seeds/classification_rules.csv")
    parser.add_argument("--subset", choices=["holdout", *SUBSETS, "original"], default="holdout")
    args = parser.parse_args()
    text = subprocess.run(
        ["git", "show", f"{args.rev}:seeds/classification_rules.csv"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rules = parse_rules(csv.DictReader(io.StringIO(text)))
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


if __name__ == "__main__":
    raise SystemExit(main())
