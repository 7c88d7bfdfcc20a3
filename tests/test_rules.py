"""Loading and validating classification rules, and the portable regex subset."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import duckdb
import psycopg2
import pytest

from job_insights.rules import COLUMNS, RuleError, check_portable, first_match, load_rules
from pg_cluster import PgCluster
from rules_support import REPO, rules_pg  # noqa: F401 - session fixture

SEED = REPO / "seeds" / "classification_rules.csv"

GOOD = {
    "rule_id": "R1",
    "rule_order": "10",
    "category": "WORKFLOW_ENGINE",
    "exception_pattern": "^binderexception$",
    "message_pattern": "",
    "activity_pattern": "",
    "code_pattern": "",
    "confidence": "0.9",
    "reasoning": "Platform SQL is wrong.",
}


def write_rules(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_seed_loads_in_rule_order() -> None:
    rules = load_rules(SEED)
    assert len(rules) >= 30
    assert [r.rule_order for r in rules] == sorted(r.rule_order for r in rules)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"message_pattern": "unclosed (group"}, "not a valid regex"),
        ({"category": "NETWORK"}, "unknown category 'NETWORK'"),
        ({"exception_pattern": ""}, "no pattern"),
        ({"confidence": "1.5"}, "outside 0..1"),
        ({"confidence": "-0.1"}, "outside 0..1"),
        ({"confidence": "high"}, "not a number"),
        ({"rule_order": "first"}, "not an integer"),
        ({"reasoning": " "}, "reasoning is empty"),
        ({"message_pattern": "\\bnot found\\b"}, "backspace"),
        ({"activity_pattern": "(?i)extract"}, "inline flags"),
        ({"message_pattern": "a" * 1001}, "1001 characters long, more than 1000"),
        ({"reasoning": "r" * 1001}, "reasoning is 1001 characters long"),
    ],
)
def test_invalid_rule_is_refused_naming_it(
    tmp_path: Path, change: dict[str, str], expected: str
) -> None:
    path = write_rules(
        tmp_path / "rules.csv", [GOOD, {**GOOD, "rule_id": "BAD", "rule_order": "20", **change}]
    )
    with pytest.raises(RuleError, match=expected) as info:
        load_rules(path)
    assert "BAD" in str(info.value)


def test_duplicate_rule_id_and_order_are_refused(tmp_path: Path) -> None:
    with pytest.raises(RuleError, match="R1: rule_id is used twice"):
        load_rules(write_rules(tmp_path / "a.csv", [GOOD, {**GOOD, "rule_order": "20"}]))
    with pytest.raises(RuleError, match="rule_order 10 is already used by rule R1"):
        load_rules(write_rules(tmp_path / "b.csv", [GOOD, {**GOOD, "rule_id": "R2"}]))


def test_missing_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "rules.csv"
    path.write_text("rule_id,rule_order,category\nR1,1,WORKFLOW_ENGINE\n")
    with pytest.raises(RuleError, match="missing column"):
        load_rules(path)


def test_first_match_follows_rule_order(tmp_path: Path) -> None:
    rows = [
        {**GOOD, "rule_id": "GENERAL", "rule_order": "20", "message_pattern": "error"},
        {
            **GOOD,
            "rule_id": "SPECIFIC",
            "rule_order": "10",
            "message_pattern": "binder error",
            "category": "INPUT_DATA_QUALITY",
        },
    ]
    rules = load_rules(write_rules(tmp_path / "rules.csv", rows))
    hit = first_match(rules, "BinderException", "Binder Error: x", None, None)
    assert hit is not None and hit.rule_id == "SPECIFIC"
    assert first_match(rules, None, "Binder Error: x", None, None) is None  # null never matches


# --------------------------------------------------------------------------- portable subset

REJECTED = {
    "\\bfoo\\b": "backspace",
    "\\Bfoo": "non-boundary",
    "\\yfoo\\y": "only in ARE",
    "\\mfoo\\M": "only in ARE",
    "\\Afoo": "differs",
    "foo\\Z": "only in ARE",
    "foo\\z": "only in RE2",
    "\\<foo\\>": "neither",
    "foo(?=bar)": "lookaround",
    "foo(?!bar)": "lookaround",
    "(?<=foo)bar": "lookaround",
    "(?<!foo)bar": "lookaround",
    "(a)\\1": "backreference",
    "(?i)foo": "inline flags",
    "foo(?i)bar": "inline flags",
    "a.*?b": "lazy",
    "a+?": "lazy",
    "a{2,3}?": "lazy",
    "a*+": "possessive",
    "a++b": "possessive",
    "\\w+": "ASCII-only",
    "\\W": "ASCII-only",
    "\\s": "\\s differs",
    "\\S": "\\S differs",
    "\\d+": "ASCII-only",
    "[\\d]": "ASCII-only",
    "\\D": "\\D differs",
    "[[:space:]]+": "POSIX class",
    "[[:alpha:]]": "POSIX class",
    "\\x41": "hex escapes",
    "\\p{L}": "only in RE2",
    "a{,3}": "without a minimum",
    "[abc": "unterminated",
}

ALLOWED = [
    "^binderexception$",
    "(^|')(401|403|429) ",
    "\\(404\\) when calling the headobject operation",
    "code['\"]?: ?['\"](bad_user_input|not_found)",
    "[0-9]{3,}",
    "[a-z0-9_]+ error",
    "[^a-z]fault( |$)",
    "(?:read|write)exception",
    "a\\.b|c\\[d\\]",
    "line 1\\nline 2",
    "tab\\there",
    "x{2}y{1,3}z?",
    "[]a]",
]


@pytest.mark.parametrize(("pattern", "reason"), REJECTED.items())
def test_check_portable_rejects(pattern: str, reason: str) -> None:
    problems = check_portable(pattern)
    assert problems, pattern
    assert any(reason in p for p in problems), problems


@pytest.mark.parametrize("pattern", ALLOWED)
def test_check_portable_allows(pattern: str) -> None:
    assert check_portable(pattern) == []


def test_every_seed_pattern_is_portable() -> None:
    with SEED.open(newline="") as fh:
        for row in csv.DictReader(fh):
            for column in (
                "exception_pattern",
                "message_pattern",
                "activity_pattern",
                "code_pattern",
            ):
                if row[column]:
                    assert check_portable(row[column]) == [], (row["rule_id"], column)


# Probe texts: newlines, case, non-ASCII letters and digits, Unicode and vertical-tab spaces.
PROBES = [
    'Binder Error: Referenced column "x" not found\nLINE 1: select x',
    "An error occurred (404) when calling the HeadObject operation: Not Found",
    "Client error '429 Too Many Requests' for url 'http://h/x'",
    "[{'message': 'x', 'extensions': {'code': 'BAD_USER_INPUT'}}]",
    "Supplier Sæther AS, org 123 456 789",
    "a.b and c[d]",
    "line 1\nline 2",
    "tab\there",
    "xxyyz",
    "SOAP FAULT",
    "ReadException",
    "\u0663\u0664 digits and\u00a0nbsp\u000bvt",
    "",
]

# Rejected constructs that both engines accept but that answer differently on PROBES (the
# reason they are rejected), or that one engine refuses outright.
DIVERGENT = ["s\\wther", "nbsp\\s", "\\bnot", "^supplier [[:alpha:]]+ as", "^\\w+ digits"]


def duckdb_matches(con: duckdb.DuckDBPyConnection, text: str, pattern: str) -> bool | str:
    try:
        return bool(con.execute("select regexp_matches(?, ?, 'is')", [text, pattern]).fetchone()[0])
    except duckdb.Error as exc:
        return f"error: {type(exc).__name__}"


def postgres_matches(cur: Any, text: str, pattern: str) -> bool | str:
    try:
        cur.execute("select %s ~* %s", (text, pattern))
        return bool(cur.fetchone()[0])
    except psycopg2.Error as exc:
        return f"error: {type(exc).__name__}"


@pytest.fixture(scope="module")
def both_engines(rules_pg: PgCluster) -> Any:  # noqa: F811 - pytest fixture injection
    con = duckdb.connect()
    pg = psycopg2.connect(
        host="127.0.0.1", port=rules_pg.port, dbname=rules_pg.database, user="postgres"
    )
    pg.autocommit = True
    yield con, pg.cursor()
    pg.close()
    con.close()


def test_macro_flags_are_the_ones_tested() -> None:
    """The DuckDB side of the proof below uses the flags of macros/regex.sql."""
    macro = (REPO / "macros" / "regex.sql").read_text()
    assert "regexp_matches({{ expr }}, {{ pattern_sql }}, 'is')" in macro
    assert "({{ expr }} ~* {{ pattern_sql }})" in macro


@pytest.mark.parametrize("pattern", ALLOWED + [".*", "^line 1.line 2$", "not found$"])
def test_allowed_constructs_agree_on_duckdb_and_postgres(both_engines: Any, pattern: str) -> None:
    con, cur = both_engines
    for text in PROBES:
        assert duckdb_matches(con, text, pattern) == postgres_matches(cur, text, pattern), (
            pattern,
            text,
        )


def test_seed_patterns_agree_on_duckdb_and_postgres(both_engines: Any) -> None:
    con, cur = both_engines
    for rule in load_rules(SEED):
        for pattern in rule.patterns.values():
            for text in PROBES:
                assert duckdb_matches(con, text, pattern) == postgres_matches(cur, text, pattern), (
                    rule.rule_id,
                    pattern,
                    text,
                )


@pytest.mark.parametrize("pattern", DIVERGENT)
def test_rejected_constructs_do_diverge(both_engines: Any, pattern: str) -> None:
    con, cur = both_engines
    assert check_portable(pattern)
    answers = [(duckdb_matches(con, t, pattern), postgres_matches(cur, t, pattern)) for t in PROBES]
    assert any(d != p for d, p in answers), f"{pattern} agreed on every probe: {answers}"
