"""The literal prefilter of the compiled rules (macros/regex.sql `regex_required_literals` and
`regex_plain_forms`).

On Postgres every rule pattern is checked as `strpos(lower(text), literal) > 0 and text ~* pattern`,
and a pattern of plain text alone by equality, prefix and substring tests on `lower(text)`.
These tests pin which literals and forms the macros extract, and prove on Postgres itself that
the prefilter never changes whether a pattern matches a text: over the corpus texts,
upper-cased copies and the portability probes, for every seed pattern and allowed construct.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg2
import pytest

from job_insights.corpus import load_corpus
from job_insights.rule_eval import DbtProject, Engine
from job_insights.rules import load_rules
from pg_cluster import PgCluster
from rules_support import REPO, rules_pg  # noqa: F401 - session fixture
from test_rules import ALLOWED, PROBES

LITERALS = {
    "^readexception$": ["readexception"],
    "^internal server error$|/internal/": ["internal server error", "/internal/"],
    "\\(404\\) when calling": ["(404) when calling"],
    "^(unhandledxledgerexception|graphqlexception)$": [
        "unhandledxledgerexception",
        "graphqlexception",
    ],
    "(^|')(401|403|429) ": ["401", "403", "429"],
    # a group whose every alternative has a longer literal than the text around it: the group's
    "code['\"]?: ?['\"](bad_user_input|not_found)": ["bad_user_input", "not_found"],
    "['\"]error['\"]: ?['\"](invalid_client|invalid_grant)": ["invalid_client", "invalid_grant"],
    "^(extract|submit) ::": ["extract", "submit"],
    # ... but not when one of them is shorter than the text around it
    "^(internal|fatal) error: ": [" error: "],
    "database \"[^\"]+\" does not exist": ['" does not exist'],
    "^unicode(de|en)codeerror$": ["codeerror"],
    "connection refused|unable to connect to port [0-9]+ on": [
        "connection refused",
        "unable to connect to port ",
    ],
    # a quantifier makes the character before it optional
    "timed? out after": [" out after"],
    "favou?rite colou?rs": ["rite colo"],
    "https?://": ["http"],
    "abc(def)?ghi": ["abc"],  # the first of the longest
    "x{2}yyy": ["yyy"],
    "abc(x|y)+defg": ["defg"],
    # a literal that contains another one is left out
    "http error|http |status code": ["http ", "status code"],
    # nothing of 3 characters in one alternative: no prefilter at all
    "(^|')5[0-9][0-9] ": [],
    "ab?c|longer literal": [],
    "a.b": [],
    "[a-z]+ error": [" error"],
    "Sæther AS": ["ther as"],  # a non-ASCII character ends a literal
    "line 1\\nline 2": ["line 1"],
}


# plain text alone: the (mode, text) pairs that make the pattern match; None where the regex
# is still needed
E, P, C = "equal", "prefix", "contains"
PLAIN = {
    "^readexception$": [(E, "readexception")],
    "^(unhandledxledgerexception|graphqlexception)$": [
        (E, "unhandledxledgerexception"), (E, "graphqlexception")],
    "^(?:Fault|SoapFault)$": [(E, "fault"), (E, "soapfault")],
    "^zlib\\.error$": [(E, "zlib.error")],
    "^(binder|catalog) error: ": [(P, "binder error: "), (P, "catalog error: ")],
    "^internal server error$|/internal/": [(E, "internal server error"), (C, "/internal/")],
    "^readexception|writeexception$": None,  # `(^a)|(b$)`: an end anchor alone
    "did not match calculated checksum": [(C, "did not match calculated checksum")],
    "(nosuchkey) when calling|no such key": [  # a group of one alternative is a group
        (C, "nosuchkey when calling"), (C, "no such key")],
    "\\((nosuchkey|nosuchbucket)\\) when calling": [
        (C, "(nosuchkey) when calling"), (C, "(nosuchbucket) when calling")],
    "\\(404\\) when calling": [(C, "(404) when calling")],
    "^(a|b)c(d|e)$": None,  # two groups
    "^((a|b))$": None,
    "^(a|)b": None,
    "timed? out": None,
    "a.b": None,
    "[a-z]+ error": None,
    "line 1\\nline 2": None,
    "abc|": None,
    "Sæther AS": None,
}


@pytest.fixture(scope="module")
def duckdb_project(tmp_path_factory: pytest.TempPathFactory) -> DbtProject:
    return DbtProject(Engine("duckdb", tmp_path_factory.mktemp("prefilter-duckdb")))


def required_literals(project: DbtProject, patterns: list[str]) -> list[list[str]]:
    sql = (
        "{% for p in var('patterns') %}"
        "{{ job_insights.regex_required_literals(p) | tojson }}\n"
        "{% endfor %}"
    )
    compiled = project.compile_inline(sql, vars={"patterns": patterns})
    return [json.loads(line) for line in compiled.strip().splitlines()]


def test_required_literals(duckdb_project: DbtProject) -> None:
    patterns = list(LITERALS)
    got = dict(zip(patterns, required_literals(duckdb_project, patterns), strict=True))
    assert {p: sorted(v) for p, v in got.items()} == {
        p: sorted(v) for p, v in LITERALS.items()
    }


def test_plain_forms(duckdb_project: DbtProject) -> None:
    patterns = list(PLAIN)
    sql = (
        "{% for p in var('patterns') %}"
        "{{ job_insights.regex_plain_forms(p) | tojson }}\n"
        "{% endfor %}"
    )
    compiled = duckdb_project.compile_inline(sql, vars={"patterns": patterns})
    found = [json.loads(line) for line in compiled.strip().splitlines()]
    got = {p: f and sorted((form["mode"], form["text"]) for form in f)
           for p, f in zip(patterns, found, strict=True)}
    assert got == {p: e and sorted(e) for p, e in PLAIN.items()}


def test_most_seed_patterns_get_a_prefilter(duckdb_project: DbtProject) -> None:
    patterns = sorted({p for r in load_rules(REPO / "seeds" / "classification_rules.csv")
                       for p in r.patterns.values()})
    literals = required_literals(duckdb_project, patterns)
    assert sum(bool(found) for found in literals) >= 0.8 * len(patterns)


# texts that only match when the character before a quantifier is left out
OPTIONAL_CHARACTERS = ["Favorite colors", "see http://host/x", "the job timed out after 30 s"]


def texts() -> list[str]:
    found = set(PROBES) | set(OPTIONAL_CHARACTERS)
    for entry in load_corpus():
        for text in (entry.exception, " ".join(entry.message.split()), entry.activity_name,
                     None if entry.code is None else str(entry.code)):
            if text:
                found.update({text, text.upper()})
    return sorted(t.replace("\x00", "") for t in found)


@pytest.fixture(scope="module")
def postgres_project(
    rules_pg: PgCluster,  # noqa: F811 - pytest fixture injection
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[DbtProject, psycopg2.extensions.cursor]]:
    pg = {"host": "127.0.0.1", "port": rules_pg.port, "dbname": rules_pg.database,
          "user": "postgres", "password": ""}
    project = DbtProject(Engine("postgres", Path(tmp_path_factory.mktemp("prefilter-pg")), pg))
    conn = project.engine.connect()
    cur = conn.cursor()
    cur.execute("drop table if exists prefilter_texts")
    cur.execute("create table prefilter_texts (body text)")
    cur.executemany("insert into prefilter_texts values (%s)", [(t,) for t in texts()])
    yield project, cur
    conn.close()


def test_prefilter_never_changes_a_match_on_postgres(
    postgres_project: tuple[DbtProject, psycopg2.extensions.cursor],
) -> None:
    project, cur = postgres_project
    patterns = sorted(
        {p for r in load_rules(REPO / "seeds" / "classification_rules.csv")
         for p in r.patterns.values()}
        | set(ALLOWED) | set(LITERALS) | set(PLAIN)
    )
    sql = """
    {% for p in var('patterns') %}
    select {{ loop.index0 }} as pattern_index,
        count(*) filter (where body ~* {{ job_insights.sql_string(p) }}) as plain,
        count(*) filter (where coalesce({{ job_insights.rule_predicate(
            job_insights.classification_rule('probe', 0, {'message_pattern': p}),
            {'message': 'body'}) }}, false)
            <> coalesce(body ~* {{ job_insights.sql_string(p) }}, false)) as differing
    from prefilter_texts
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
    """
    compiled = project.compile_inline(sql, vars={"patterns": patterns})
    assert compiled.count("strpos(lower(body)") >= len(patterns) // 2  # the prefilter is on
    assert compiled.count("lower(body) in (") >= 20  # and the plain forms
    assert compiled.count("starts_with(lower(body)") >= 10
    cur.execute(compiled)
    counts = {patterns[i]: (plain, differing) for i, plain, differing in cur.fetchall()}
    assert sum(plain for plain, _ in counts.values()) > 1000  # the texts do exercise the rules
    assert {p: c for p, c in counts.items() if c[1]} == {}


def plan_nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("Plans", []):
        yield from plan_nodes(child)


def test_rule_step_is_one_scan_that_parallel_workers_can_share(
    postgres_project: tuple[DbtProject, psycopg2.extensions.cursor],
) -> None:
    """The first-match CASE runs in the scan itself, not over a materialized CTE (which keeps a
    query in one process), and its lower-cased inputs are not inlined into every prefilter."""
    project, cur = postgres_project
    project.seed_rules()
    compiled = project.compile_inline(
        "-- depends_on: {{ ref('classification_rules') }}\n"
        "{{ job_insights.classify_with_rules('prefilter_texts', 'body', {'exception': 'body', "
        "'message': 'body', 'activity': 'body', 'code': 'body'}) }}"
    )
    assert compiled.count("lower(body)") == 4  # computed once per input, not per test
    cur.execute("analyze prefilter_texts; set parallel_setup_cost = 0; "
                "set parallel_tuple_cost = 0; set min_parallel_table_scan_size = 0")
    cur.execute(f"explain (format json) {compiled}")
    nodes = list(plan_nodes(cur.fetchone()[0][0]["Plan"]))
    types = [n["Node Type"] for n in nodes]
    assert types[0] == "Gather", types
    assert any(n["Node Type"] == "Seq Scan" and n["Parallel Aware"] for n in nodes), types
    assert "CTE Scan" not in types
    # the inputs stay a subquery: pulled up, each prefilter would lower-case the text again
    assert "Subquery Scan" in types
