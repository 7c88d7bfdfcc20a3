"""Propose classification rules from corrected and LLM-classified error groups.

1. Sources: error groups of fct_job_errors classified by a correction or the LLM, with their
   template (int_error_groups).
2. Candidates, in the portable regex subset by construction (literal text, punctuation escaped
   with a backslash): per group, its exception type plus the
   longest literal run of its template; per exception type whose corrected/LLM groups all share
   one category, the exception type alone.
3. Backtest on the whole history of the warehouse, with the project's own SQL (the
   `classify_with_rules` and `regex_matches_ci` macros, compiled by dbt for the target): errors
   matched, agreement with their current labels, matches that an existing rule of another
   category already claims (conflicts: the existing rule wins, it comes first).
4. Accepted: at least `min_count` errors of the source groups, agreement >= `min_agreement` on
   the matched errors that have a label, no conflict. `apply` appends the accepted ones to
   seeds/classification_rules.csv with new rule ids and orders.
"""

from __future__ import annotations

import csv
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from job_insights.config import Settings
from job_insights.corrections import write_atomically
from job_insights.dbt import compile_inline
from job_insights.warehouse import MARTS_SCHEMA, connect, fetch_all

PLACEHOLDER = re.compile(r"'<V>'|\"<V>\"|`<V>`|<(?:TS|URL|EMAIL|UUID|PATH|HEX|N|V|SQL)>")
META = set(".^$*+?()[]{}|\\/-")
MIN_FRAGMENT = 12
MAX_FRAGMENT = 80
RULE_COLUMNS = ("rule_id", "rule_order", "category", "exception_pattern", "message_pattern",
                "activity_pattern", "code_pattern", "confidence", "reasoning")

BACKTEST_SQL = """
-- depends_on: {{ ref('classification_rules') }}
-- depends_on: {{ ref('fct_job_errors') }}
with

history as (

    select
        error_id,
        category,
        exception_type,
        {{ job_insights.rule_message('error_message') }} as error_message,
        activity_name,
        cast(error_code as {{ dbt.type_string() }}) as error_code_text
    from {{ ref('fct_job_errors') }}

),

existing_matches as (

    {{ job_insights.classify_with_rules('history', 'error_id', {
        'exception': 'exception_type',
        'message': 'error_message',
        'activity': 'activity_name',
        'code': 'error_code_text',
    }) }}

),

existing as (

    select existing_matches.error_id, rules.category as rule_category
    from existing_matches
    inner join {{ ref('classification_rules') }} as rules
        on existing_matches.rule_order = rules.rule_order

),

candidates as (
{% raw %}__CANDIDATES__{% endraw %}
),

matched as (

    select
        candidates.candidate_id,
        candidates.category as proposed_category,
        history.category,
        existing.rule_category
    from candidates
    cross join history
    left join existing on history.error_id = existing.error_id
    where (candidates.exception_pattern is null
            or {{ job_insights.regex_matches_ci('history.exception_type',
                                                'candidates.exception_pattern') }})
        and (candidates.message_pattern is null
            or {{ job_insights.regex_matches_ci('history.error_message',
                                                'candidates.message_pattern') }})

)

select
    candidate_id,
    count(*) as matches,
    sum(case when category = proposed_category then 1 else 0 end) as agreeing,
    sum(case when category = 'UNKNOWN' then 1 else 0 end) as unlabelled,
    sum(case when rule_category is not null and rule_category <> proposed_category
        then 1 else 0 end) as rule_conflicts
from matched
group by candidate_id
"""


@dataclass
class Candidate:
    candidate_id: str
    category: str
    exception_pattern: str | None
    message_pattern: str | None
    source_groups: set[str] = field(default_factory=set)
    source_errors: int = 0
    reasoning: str = ""
    matches: int = 0
    agreeing: int = 0
    unlabelled: int = 0
    rule_conflicts: int = 0
    problems: list[str] = field(default_factory=list)
    accepted: bool = False
    rule_id: str | None = None

    @property
    def labelled(self) -> int:
        return self.matches - self.unlabelled

    @property
    def agreement(self) -> float:
        return self.agreeing / self.labelled if self.labelled else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule_id": self.rule_id, "category": self.category,
            "exception_pattern": self.exception_pattern,
            "message_pattern": self.message_pattern,
            "source_groups": len(self.source_groups), "source_errors": self.source_errors,
            "matches": self.matches, "agreement": round(self.agreement, 3),
            "newly_classified": self.unlabelled, "rule_conflicts": self.rule_conflicts,
            "accepted": self.accepted, "problems": self.problems,
        }


def escape_literal(text: str) -> str:
    """Literal text as a portable pattern: punctuation escaped, whitespace runs as one space
    (rules see messages with whitespace runs collapsed)."""
    return " ".join("".join(f"\\{ch}" if ch in META else ch for ch in word)
                    for word in text.split())


def literal_fragment(template: str | None) -> str | None:
    """The longest run of literal text in a template (placeholders removed)."""
    if not template:
        return None
    pieces = [piece.strip(" :,;=") for piece in PLACEHOLDER.split(template)]
    pieces = [piece for piece in pieces if re.search(r"[a-zA-Z]{3}", piece)]
    if not pieces:
        return None
    best = max(pieces, key=len)
    if len(best) < MIN_FRAGMENT:
        return None
    if len(best) > MAX_FRAGMENT:
        best = best[:MAX_FRAGMENT].rsplit(" ", 1)[0]
    return best.lower()


def portability_check() -> Callable[[str], list[str]] | None:
    """The rules module's portable-subset check, when that module is installed."""
    try:
        module = importlib.import_module("job_insights.rules")
    except ImportError:
        return None
    check = getattr(module, "check_portable", None)
    return check if callable(check) else None


def load_sources(settings: Settings) -> list[dict[str, Any]]:
    """Corrected and LLM-classified groups with their template and size."""
    return fetch_all(
        settings,
        f"""
        select
            errors.fingerprint,
            errors.category,
            min(errors.exception_type) as exception_type,
            min(groups.error_template) as error_template,
            min(errors.reasoning) as reasoning,
            count(*) as errors
        from {MARTS_SCHEMA}.fct_job_errors as errors
        inner join {MARTS_SCHEMA}_intermediate.int_error_groups as groups
            on errors.fingerprint = groups.fingerprint
        where errors.classified_by in ('correction', 'llm') and groups.has_error_item
        group by errors.fingerprint, errors.category
        """,
    )


def exception_categories(settings: Settings) -> dict[str, set[str]]:
    """Categories that corrections and the LLM gave each exception type."""
    rows = fetch_all(
        settings,
        f"select distinct exception_type, category from {MARTS_SCHEMA}.fct_job_errors "
        "where classified_by in ('correction', 'llm') and exception_type is not null",
    )
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row["exception_type"], set()).add(row["category"])
    return found


def make_candidates(sources: list[dict[str, Any]],
                    by_exception: dict[str, set[str]]) -> list[Candidate]:
    candidates: dict[tuple[str | None, str | None, str], Candidate] = {}

    def add(exception_pattern: str | None, message_pattern: str | None,
            source: dict[str, Any]) -> None:
        key = (exception_pattern, message_pattern, source["category"])
        candidate = candidates.get(key)
        if candidate is None:
            candidate = candidates[key] = Candidate(
                candidate_id=f"c{len(candidates) + 1}", category=source["category"],
                exception_pattern=exception_pattern, message_pattern=message_pattern,
                reasoning=source["reasoning"] or "",
            )
        if source["fingerprint"] not in candidate.source_groups:
            candidate.source_groups.add(source["fingerprint"])
            candidate.source_errors += int(source["errors"])

    for source in sources:
        exception = source["exception_type"]
        exception_pattern = f"^{escape_literal(exception.lower())}$" if exception else None
        fragment = literal_fragment(source["error_template"])
        if fragment:
            add(exception_pattern, escape_literal(fragment), source)
        if exception and by_exception.get(exception) == {source["category"]}:
            add(exception_pattern, None, source)
    return list(candidates.values())


def _sql_literal(value: str | None) -> str:
    return "cast(null as varchar(1000))" if value is None else \
        "cast('" + value.replace("'", "''") + "' as varchar(1000))"


def backtest(settings: Settings, candidates: list[Candidate]) -> None:
    """Fill in each candidate's backtest numbers, from the whole history in the warehouse."""
    if not candidates:
        return
    rows = "\n    union all\n".join(
        f"    select '{c.candidate_id}' as candidate_id, '{c.category}' as category, "
        f"{_sql_literal(c.exception_pattern)} as exception_pattern, "
        f"{_sql_literal(c.message_pattern)} as message_pattern"
        for c in candidates
    )
    inline = BACKTEST_SQL.replace("__CANDIDATES__", rows)
    sql = compile_inline(settings, inline, settings.project_dir / "target" / "suggest-rules")
    with connect(settings) as connection:
        cursor = connection.cursor()
        cursor.execute(sql)
        numbers = {row[0]: row[1:] for row in cursor.fetchall()}
    for candidate in candidates:
        matches, agreeing, unlabelled, conflicts = numbers.get(candidate.candidate_id,
                                                               (0, 0, 0, 0))
        candidate.matches, candidate.agreeing = int(matches), int(agreeing or 0)
        candidate.unlabelled, candidate.rule_conflicts = int(unlabelled or 0), int(conflicts or 0)


def read_rules(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _rule_id(candidate: Candidate, taken: set[str]) -> str:
    base = candidate.exception_pattern or candidate.message_pattern or "RULE"
    words = re.sub(r"[^A-Za-z0-9]+", "_", base.replace("\\", "")).strip("_").upper()
    stem = f"SUGGESTED_{words[:40].strip('_')}"
    rule_id, number = stem, 2
    while rule_id in taken:
        rule_id, number = f"{stem}_{number}", number + 1
    taken.add(rule_id)
    return rule_id


@dataclass
class Suggestions:
    candidates: list[Candidate]
    applied_to: Path | None = None

    @property
    def accepted(self) -> list[Candidate]:
        return [candidate for candidate in self.candidates if candidate.accepted]

    def render(self) -> str:
        if not self.candidates:
            return ("No candidates: no group is corrected or classified by the LLM (with at "
                    "least --min-count errors) yet.")
        lines = [f"{len(self.candidates)} candidate rules, {len(self.accepted)} accepted "
                 "(backtest on the whole history):", ""]
        for candidate in self.candidates:
            mark = "ACCEPT" if candidate.accepted else "reject"
            lines += [
                f"[{mark}] {candidate.rule_id or candidate.candidate_id} -> {candidate.category}",
                f"    exception_pattern: {candidate.exception_pattern or '-'}",
                f"    message_pattern:   {candidate.message_pattern or '-'}",
                f"    from {len(candidate.source_groups)} groups, {candidate.source_errors} "
                f"errors; matches {candidate.matches}, agreement {candidate.agreement:.0%} of "
                f"{candidate.labelled} labelled, {candidate.unlabelled} newly classified, "
                f"{candidate.rule_conflicts} conflicts with existing rules",
            ]
            lines += [f"    - {problem}" for problem in candidate.problems]
        if self.applied_to is not None:
            lines += ["", f"Appended {len(self.accepted)} rules to {self.applied_to}. "
                          "The next `job-insights run` applies them."]
        elif self.accepted:
            lines += ["", "Pass --apply to append the accepted rules."]
        return "\n".join(lines)


def suggest_rules(settings: Settings, min_count: int = 3, min_agreement: float = 0.95,
                  apply: bool = False) -> Suggestions:
    sources = load_sources(settings)
    candidates = make_candidates(sources, exception_categories(settings))
    candidates = [c for c in candidates if c.source_errors >= min_count]
    check = portability_check()
    for candidate in candidates:
        for pattern in (candidate.exception_pattern, candidate.message_pattern):
            if pattern and check is not None:
                candidate.problems += [f"not portable: {p}" for p in check(pattern)]
    backtest(settings, candidates)
    rules_path = settings.project_dir / "seeds" / "classification_rules.csv"
    rules = read_rules(rules_path)
    existing = {(rule["exception_pattern"] or None, rule["message_pattern"] or None)
                for rule in rules}
    taken = {rule["rule_id"] for rule in rules}
    covered: set[str] = set()
    # General rules (fewer patterns, more matches) first, so specific ones they cover drop out.
    candidates.sort(key=lambda c: (c.message_pattern is not None, -c.matches, c.candidate_id))
    for candidate in candidates:
        if candidate.labelled and candidate.agreement < min_agreement:
            candidate.problems.append(f"agreement {candidate.agreement:.0%} is below "
                                      f"{min_agreement:.0%}")
        if candidate.rule_conflicts:
            candidate.problems.append(f"{candidate.rule_conflicts} matched errors are claimed "
                                      "by an existing rule of another category")
        if (candidate.exception_pattern, candidate.message_pattern) in existing:
            candidate.problems.append("an existing rule has these patterns")
        if candidate.source_groups <= covered:
            candidate.problems.append("its groups are covered by a more general accepted rule")
        if not candidate.problems and candidate.matches:
            candidate.accepted = True
            candidate.rule_id = _rule_id(candidate, taken)
            covered |= candidate.source_groups
    result = Suggestions(candidates)
    if apply and result.accepted:
        order = max((int(rule["rule_order"]) for rule in rules), default=0)
        for candidate in result.accepted:
            order += 100
            reason = candidate.reasoning or f"Learned from corrected errors ({candidate.category})."
            rules.append({
                "rule_id": candidate.rule_id or "", "rule_order": str(order),
                "category": candidate.category,
                "exception_pattern": candidate.exception_pattern or "",
                "message_pattern": candidate.message_pattern or "",
                "activity_pattern": "", "code_pattern": "",
                "confidence": f"{min(max(candidate.agreement, 0.5), 0.95):.2f}",
                "reasoning": reason,
            })
        write_atomically(rules_path, rules, RULE_COLUMNS)
        result.applied_to = rules_path
    return result
