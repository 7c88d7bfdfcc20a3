"""Classification rules: load and validate ``seeds/classification_rules.csv``.

The rules are compiled into SQL by the dbt macros in ``macros/classification_rules.sql``; this
module is the Python side: it reads the seed, refuses a bad rule with a message naming it, checks
that every pattern stays in the regex subset that means the same on DuckDB (RE2) and PostgreSQL
(ARE), and offers a Python matcher with the same semantics for quick reports.

Why the portable subset excludes what it does (each proved or shown in ``tests/test_rules.py``):

- Word boundaries and anchors ``\\b \\B \\y \\m \\M \\A \\Z \\< \\>``: ``\\b`` is a word boundary
  in RE2 but a backspace in ARE; ``\\y \\m \\M`` exist only in ARE, ``\\A`` means different
  things, ``\\Z``, ``\\<`` and ``\\>`` exist in neither or one. Write ``(^|[^a-z])`` or ``( |$)``.
- Lookarounds ``(?=`` ``(?!`` ``(?<=`` ``(?<!``: ARE has them, RE2 refuses them.
- Backreferences ``\\1``: ARE has them, RE2 refuses them.
- Inline flags ``(?i)`` and friends: RE2 accepts them anywhere, ARE only at the very start, and the
  macros already match case-insensitively.
- Lazy and possessive quantifiers: possessive ones are an error in both; lazy ones change nothing
  for a yes/no match, and ARE decides the greediness of a whole expression by its first quantifier,
  a trap for anyone reusing the pattern in a replace.
- Class shorthands ``\\w \\W \\s \\S \\d \\D`` and POSIX classes ``[[:alpha:]]``: both engines
  accept most of them, but RE2's are ASCII-only while ARE's follow the database locale (``\\w``
  matches ``æ`` on Postgres, not on DuckDB); ARE also refuses ``\\D \\S \\W`` inside brackets.
  Write ``[0-9]``, ``[a-z0-9_]``, ``[ \\t\\n]``.
- Other backslash-letter escapes (``\\x41``, ``\\p{L}``, ``\\Q..\\E``, ``\\z``...): RE2 reads
  ``\\x41b`` as ``Ab``, ARE as one character U+041B; the rest exist on one side only. Allowed
  escapes: ``\\n \\t \\r \\f`` and a backslash before any punctuation (``\\( \\. \\[``).
- ``.`` crossing a newline: RE2 needs the ``s`` flag for it, ARE does it by default; the DuckDB
  macro passes ``'is'`` so both agree. Not a pattern problem, but the reason for that flag.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

CATEGORIES = ("INPUT_DATA_QUALITY", "WORKFLOW_ENGINE", "THIRD_PARTY_SYSTEM")

#: Seed column holding each pattern, and the error field it is matched against.
PATTERN_FIELDS = {
    "exception_pattern": "exception",
    "message_pattern": "message",
    "activity_pattern": "activity",
    "code_pattern": "code",
}

#: Longest pattern or reasoning a rule may have (the macro load_classification_rules checks
#: the same on the warehouse): a longer one is hard to review; split the rule instead.
MAX_RULE_TEXT_LENGTH = 1000

COLUMNS = (
    "rule_id",
    "rule_order",
    "category",
    *PATTERN_FIELDS,
    "confidence",
    "reasoning",
)

_ALLOWED_LETTER_ESCAPES = set("ntrf")
_FORBIDDEN_ESCAPE_REASONS = {
    "b": "\\b is a word boundary in RE2 but a backspace in Postgres ARE",
    "B": "\\B is a non-boundary in RE2 but a backslash synonym in ARE",
    "y": "\\y (word boundary) exists only in ARE",
    "Y": "\\Y exists only in ARE",
    "m": "\\m (start of word) exists only in ARE",
    "M": "\\M (end of word) exists only in ARE",
    "A": "\\A (start of text) differs between RE2 and ARE",
    "Z": "\\Z (end of text) exists only in ARE",
    "z": "\\z (end of text) exists only in RE2",
    "<": "\\< (start of word) exists in neither RE2 nor ARE",
    ">": "\\> (end of word) exists in neither RE2 nor ARE",
    "w": "\\w is ASCII-only in RE2 but locale-aware in ARE; write [a-z0-9_]",
    "W": "\\W is ASCII-only in RE2 but locale-aware in ARE; write [^a-z0-9_]",
    "s": "\\s differs between RE2 and ARE (vertical tab, Unicode spaces); write [ \\t\\n]",
    "S": "\\S differs between RE2 and ARE; write [^ \\t\\n]",
    "d": "\\d is ASCII-only in RE2 but locale-aware in ARE; write [0-9]",
    "D": "\\D differs between RE2 and ARE; write [^0-9]",
    "x": "\\x hex escapes read a different number of digits in RE2 and ARE",
    "p": "\\p{...} Unicode classes exist only in RE2",
    "P": "\\P{...} Unicode classes exist only in RE2",
    "Q": "\\Q...\\E quoting exists only in RE2",
    "E": "\\Q...\\E quoting exists only in RE2",
    "C": "\\C exists only in RE2",
}


class RuleError(ValueError):
    """A classification rule (or the rules file) is invalid; the message names the rule."""


@dataclass(frozen=True)
class Rule:
    rule_id: str
    rule_order: int
    category: str
    patterns: dict[str, str]
    confidence: float
    reasoning: str

    def matches(
        self,
        exception: str | None,
        message: str | None,
        activity: str | None,
        code: str | int | None,
    ) -> bool:
        """The engines' semantics: every given pattern matches its field (case-insensitive,
        ``.`` crossing newlines); a null field never matches. `message` is the message as
        the models give it to the rules, rule_message() (first_match prepares it)."""
        values = {
            "exception": exception,
            "message": message,
            "activity": activity,
            "code": None if code is None else str(code),
        }
        for column, pattern in self.patterns.items():
            value = values[PATTERN_FIELDS[column]]
            if value is None or _compiled(pattern).search(value) is None:
                return False
        return True


#: the ASCII whitespace class of macro rule_message
_WHITESPACE_RUN = re.compile(r"[ \t\n\v\f\r]+")


def rule_message(message: str) -> str:
    """The message as the rules see it: whitespace runs as one space (macro rule_message)."""
    return _WHITESPACE_RUN.sub(" ", message)


_CACHE: dict[str, re.Pattern[str]] = {}


def _compiled(pattern: str) -> re.Pattern[str]:
    if pattern not in _CACHE:
        _CACHE[pattern] = re.compile(pattern, re.IGNORECASE | re.DOTALL)
    return _CACHE[pattern]


def check_portable(pattern: str) -> list[str]:
    """Problems that make `pattern` mean something else (or nothing) on RE2 or Postgres ARE."""
    problems: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        ch = pattern[i]
        nxt = pattern[i + 1] if i + 1 < len(pattern) else ""
        if ch == "\\":
            if nxt == "":
                problems.append("trailing backslash")
            elif nxt.isdigit():
                problems.append(
                    f"backreference or octal escape \\{nxt} (RE2 has no backreferences)"
                )
            elif nxt in _FORBIDDEN_ESCAPE_REASONS:
                problems.append(_FORBIDDEN_ESCAPE_REASONS[nxt])
            elif nxt.isalpha() and nxt not in _ALLOWED_LETTER_ESCAPES:
                problems.append(f"escape \\{nxt} is not in the portable subset")
            i += 2
            continue
        if in_class:
            if ch == "[" and nxt != "" and nxt in ":.=":
                problems.append(
                    f"POSIX class or collating element [{nxt}...{nxt}] is ASCII-only in RE2 but "
                    "locale-aware in ARE; write the characters out"
                )
            elif ch == "]":
                in_class = False
            i += 1
            continue
        if ch == "[":
            in_class = True
            i += 1
            if i < len(pattern) and pattern[i] == "^":
                i += 1
            if i < len(pattern) and pattern[i] == "]":
                i += 1  # a leading ] is a literal
            continue
        if ch == "(" and nxt == "?":
            rest = pattern[i + 2 : i + 4]
            if rest.startswith(("=", "!")) or rest in ("<=", "<!"):
                problems.append("lookaround (?=, (?!, (?<=, (?<! is not supported by RE2")
            elif not rest.startswith(":"):
                problems.append(
                    "inline flags or named groups (?...) are not portable; the "
                    "macros already match case-insensitively"
                )
        elif (
            ch in "*+?}"
            and nxt != ""
            and nxt in "?+"
            and not (ch == "?" and i > 0 and pattern[i - 1] == "(")
        ):
            kind = "lazy" if nxt == "?" else "possessive"
            problems.append(f"{kind} quantifier {ch}{nxt} is not portable")
        elif ch == "{" and nxt == ",":
            problems.append("bound {,n} without a minimum is not portable; write {0,n}")
        i += 1
    if in_class:
        problems.append("unterminated character class")
    return list(dict.fromkeys(problems))


def _parse_rule(row: dict[str, str], line: int, max_length: int | None) -> Rule:
    rule_id = (row.get("rule_id") or "").strip()
    name = f"rule {rule_id}" if rule_id else f"rule on line {line} (no rule_id)"
    problems: list[str] = []
    if not rule_id:
        problems.append("rule_id is empty")
    order_text = (row.get("rule_order") or "").strip()
    try:
        order = int(order_text)
    except ValueError:
        problems.append(f"rule_order {order_text!r} is not an integer")
        order = -1
    category = (row.get("category") or "").strip()
    if category not in CATEGORIES:
        problems.append(f"unknown category {category!r} (expected one of {', '.join(CATEGORIES)})")
    confidence_text = (row.get("confidence") or "").strip()
    try:
        confidence = float(confidence_text)
        if not 0 <= confidence <= 1:
            problems.append(f"confidence {confidence_text} is outside 0..1")
    except ValueError:
        problems.append(f"confidence {confidence_text!r} is not a number")
        confidence = -1.0
    for column in (*PATTERN_FIELDS, "reasoning"):
        length = len(row.get(column) or "")
        if max_length is not None and length > max_length:
            problems.append(f"{column} is {length} characters long, more than {max_length}")
    patterns: dict[str, str] = {}
    for column in PATTERN_FIELDS:
        pattern = row.get(column) or ""
        if pattern.strip() == "":
            continue
        patterns[column] = pattern
        try:
            re.compile(pattern)
        except re.error as exc:
            problems.append(f"{column} {pattern!r} is not a valid regex: {exc}")
            continue
        for problem in check_portable(pattern):
            problems.append(f"{column} {pattern!r}: {problem}")
    if not patterns:
        problems.append("it has no pattern (a rule needs at least one)")
    reasoning = (row.get("reasoning") or "").strip()
    if not reasoning:
        problems.append("reasoning is empty")
    if problems:
        raise RuleError(f"classification {name}: " + "; ".join(problems))
    return Rule(rule_id, order, category, patterns, confidence, reasoning)


def parse_rules(
    rows: Iterable[dict[str, str]], max_length: int | None = MAX_RULE_TEXT_LENGTH
) -> list[Rule]:
    """Validate rows of the seed; return the rules in evaluation order.

    max_length=None reads a seed from before the length limit (benchmarks/rule_generalisation.py
    scores old revisions of the rules).
    """
    rules: list[Rule] = []
    ids: dict[str, int] = {}
    orders: dict[int, str] = {}
    for line, row in enumerate(rows, start=2):
        rule = _parse_rule(row, line, max_length)
        if rule.rule_id in ids:
            raise RuleError(
                f"classification rule {rule.rule_id}: rule_id is used twice "
                f"(lines {ids[rule.rule_id]} and {line})"
            )
        if rule.rule_order in orders:
            raise RuleError(
                f"classification rule {rule.rule_id}: rule_order {rule.rule_order} "
                f"is already used by rule {orders[rule.rule_order]}"
            )
        ids[rule.rule_id] = line
        orders[rule.rule_order] = rule.rule_id
        rules.append(rule)
    return sorted(rules, key=lambda r: r.rule_order)


def load_rules(path: Path) -> list[Rule]:
    """Read and validate a classification rules CSV; raise RuleError naming the bad rule."""
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise RuleError(f"{path}: missing column(s) {', '.join(missing)}")
        return parse_rules(reader)


def first_match(
    rules: Sequence[Rule],
    exception: str | None,
    message: str | None,
    activity: str | None,
    code: str | int | None,
) -> Rule | None:
    """The first rule (in rule_order) whose patterns all match, as the compiled SQL decides."""
    message = None if message is None else rule_message(message)
    for rule in rules:
        if rule.matches(exception, message, activity, code):
            return rule
    return None
