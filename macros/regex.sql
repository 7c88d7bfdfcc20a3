{#- Regex helpers. Patterns must stay in the subset that means the same on RE2 (DuckDB) and
    Postgres ARE: see docs/rules.md. -#}

{#- True when `expr` matches `pattern_sql` (a SQL expression, usually a quoted literal),
    ignoring case. -#}
{% macro regex_matches_ci(expr, pattern_sql) -%}
    {{ return(adapter.dispatch('regex_matches_ci', 'job_insights')(expr, pattern_sql)) }}
{%- endmacro %}

{% macro default__regex_matches_ci(expr, pattern_sql) -%}
    regexp_matches({{ expr }}, {{ pattern_sql }}, 'is')
{%- endmacro %}

{% macro postgres__regex_matches_ci(expr, pattern_sql) -%}
    ({{ expr }} ~* {{ pattern_sql }})
{%- endmacro %}


{#- Replace every match (case-insensitive). Same syntax on both engines; one place to change. -#}
{% macro regex_replace_all(expr, pattern, replacement) -%}
    regexp_replace(
        {{ expr }}, {{ job_insights.sql_string(pattern) }}, {{ job_insights.sql_string(replacement) }}, 'gi'
    )
{%- endmacro %}


{#- Character class of control characters other than tab, newline and carriage return.
    Postgres text cannot hold NUL, so its class starts at 0x01. -#}
{% macro control_character_class() -%}
    {{ return(adapter.dispatch('control_character_class', 'job_insights')()) }}
{%- endmacro %}

{% macro default__control_character_class() -%}
    [\x00-\x08\x0b\x0c\x0e-\x1f\x7f]
{%- endmacro %}

{% macro postgres__control_character_class() -%}
    [\x01-\x08\x0b\x0c\x0e-\x1f\x7f]
{%- endmacro %}


{#- True when `pattern_expr` is a regex the engine accepts; never raises. -#}
{% macro regex_is_valid(pattern_expr) -%}
    {{ return(adapter.dispatch('regex_is_valid', 'job_insights')(pattern_expr)) }}
{%- endmacro %}

{% macro default__regex_is_valid(pattern_expr) -%}
    (try(regexp_matches('', {{ pattern_expr }})) is not null)
{%- endmacro %}

{% macro postgres__regex_is_valid(pattern_expr) -%}
    {{ target.schema }}.job_insights_regex_is_valid({{ pattern_expr }})
{%- endmacro %}


{#- on-run-start: create the Postgres helper functions that the models above use. -#}
{% macro create_regex_validator() -%}
    {{ return(adapter.dispatch('create_regex_validator', 'job_insights')()) }}
{%- endmacro %}

{% macro default__create_regex_validator() -%}
    select 1
{%- endmacro %}

{% macro postgres__create_regex_validator() -%}
    create schema if not exists {{ target.schema }};
    create or replace function {{ target.schema }}.job_insights_regex_is_valid(pattern text)
    returns boolean language plpgsql immutable as $fn$
    begin
        perform '' ~ pattern;
        return true;
    exception when others then
        return false;
    end
    $fn$;
    create or replace function {{ target.schema }}.job_insights_try_jsonb(document text)
    returns jsonb language plpgsql immutable as $fn$
    begin
        return document::jsonb;
    exception when others then
        return null;
    end
    $fn$
{%- endmacro %}


{#- A string as a SQL string literal: quotes doubled, backslashes kept as they are (both
    engines use standard-conforming strings), so no value can end the literal early. -#}
{% macro sql_string(value) -%}
    '{{ value | replace("'", "''") }}'
{%- endmacro %}


{#- Literals (lower case, ASCII, 3 characters or more) of which every match of `pattern`
    contains at least one: a prefilter that lets a slow regex engine skip most texts with a
    substring search. Returns [] when it finds no such set. It reads the portable subset of
    docs/rules.md: anything it does not take as a plain character ends a literal, so a set it
    returns is always necessary for a match (tests/test_rule_prefilter.py checks this on the
    corpus). Per alternative it takes the longest literal outside groups, or the literals of a
    group (one per group alternative) when each of those is longer: `"error": "(invalid_client|
    invalid_grant)"` is looked for by its grant names, which few texts contain, not by `error`. -#}
{% macro regex_required_literals(pattern) -%}
    {%- set literals = [] -%}
    {%- for branch in job_insights.regex_alternatives(job_insights.regex_tokens(pattern)) -%}
        {%- set literal = job_insights.regex_longest_literal(branch) -%}
        {%- set group_literals = job_insights.regex_group_literals(branch) -%}
        {%- if group_literals and (literal | length < 3 or (
                group_literals | length <= 12
                and group_literals | map('length') | min > literal | length)) -%}
            {%- do literals.extend(group_literals) -%}
        {%- elif literal | length >= 3 -%}
            {%- do literals.append(literal) -%}
        {%- else -%}
            {{ return([]) }}
        {%- endif -%}
    {%- endfor -%}
    {#- A literal that contains another one adds nothing to their `or`. -#}
    {%- set needed = [] -%}
    {%- for literal in literals | unique -%}
        {%- if not (literals | reject('equalto', literal) | select('in', literal) | list) -%}
            {%- do needed.append(literal) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(needed) }}
{%- endmacro %}

{#- When every alternative of `pattern` is plain text, anchored at both ends, at the start or not
    at all, with at most one group of plain alternatives in it (`^(a|b)$`, `^(binder|catalog)
    error: `, `no such object|notfound`): the texts that make it match, as a list of
    {'mode': 'equal' | 'prefix' | 'contains', 'text': lower-cased text}, one per alternative and
    group alternative. Else none. On such a pattern a case-insensitive regex match is exactly an
    equality, prefix or substring test on the lower-cased text, which the compiled rules use
    instead of the regex on Postgres (tests/test_rule_prefilter.py proves it there). -#}
{% macro regex_plain_forms(pattern) -%}
    {%- set forms = [] -%}
    {%- for branch in job_insights.regex_alternatives(job_insights.regex_tokens(pattern)) -%}
        {%- set starts = branch[:1] == ['^'] -%}
        {%- set ends = branch[-1:] == ['$'] and branch | length > 1 -%}
        {%- set body = branch[1 if starts else 0:(branch | length) - (1 if ends else 0)] -%}
        {%- if ends and not starts -%}{{ return(none) }}{%- endif -%}
        {#- body = plain text, at most one group of plain alternatives, plain text -#}
        {%- set state = {'texts': [''], 'group': none, 'groups': 0} -%}
        {%- for token in body -%}
            {%- set plain = job_insights.regex_plain_character(token) -%}
            {%- if token in ['(', '(?:'] and state.group is none and state.groups == 0 -%}
                {%- do state.update({'group': [''], 'groups': 1}) -%}
            {%- elif token == '|' and state.group is not none -%}
                {%- do state.group.append('') -%}
            {%- elif token == ')' and state.group is not none -%}
                {%- if '' in state.group -%}{{ return(none) }}{%- endif -%}
                {%- set texts = [] -%}
                {%- for text in state.texts -%}
                    {%- for alternative in state.group -%}{%- do texts.append(text ~ alternative) -%}{%- endfor -%}
                {%- endfor -%}
                {%- do state.update({'texts': texts, 'group': none}) -%}
            {%- elif plain and state.group is not none -%}
                {%- do state.group.append(state.group.pop() ~ plain) -%}
            {%- elif plain -%}
                {%- set texts = [] -%}
                {%- for text in state.texts -%}{%- do texts.append(text ~ plain) -%}{%- endfor -%}
                {%- do state.update({'texts': texts}) -%}
            {%- else -%}
                {{ return(none) }}
            {%- endif -%}
        {%- endfor -%}
        {%- if state.group is not none or '' in state.texts -%}{{ return(none) }}{%- endif -%}
        {%- for text in state.texts -%}
            {%- do forms.append({'mode': 'equal' if ends else ('prefix' if starts else 'contains'),
                                 'text': text}) -%}
        {%- endfor -%}
    {%- endfor -%}
    {{ return(forms) }}
{%- endmacro %}


{#- `token` (of regex_tokens) as the one character it matches literally, lower-cased: a plain
    printable ASCII character that is no regex operator, or an escaped punctuation character;
    '' for anything else. -#}
{% macro regex_plain_character(token) -%}
    {%- set plain = token[1:] if token | length == 2 and token[:1] == '\\' else token -%}
    {%- if plain | length == 1 and plain.isascii() and plain.isprintable()
           and (plain != token and not plain.isalnum()
                or plain == token and token not in ['(', ')', '.', '^', '$', '+', '*', '?', '[', ']', '{', '}', '|', '\\']) -%}
        {{ return(plain | lower) }}
    {%- endif -%}
    {{ return('') }}
{%- endmacro %}


{#- The pattern as tokens: an escape, a bracket class, `(?:`, a `{m,n}` quantifier or one
    character. -#}
{% macro regex_tokens(pattern) -%}
    {%- set token_regex -%}\\[\s\S]|\[\^?\]?(?:\\[\s\S]|[^\]\\])*\]|\(\?:|\{[0-9,]*\}|[\s\S]{%- endset -%}
    {{ return(modules.re.findall(token_regex, pattern)) }}
{%- endmacro %}


{#- Regex tokens split at the `|` outside groups. -#}
{% macro regex_alternatives(tokens) -%}
    {%- set alternatives = [[]] -%}
    {%- set state = {'depth': 0} -%}
    {%- for token in tokens -%}
        {%- if token == '|' and state.depth == 0 -%}
            {%- do alternatives.append([]) -%}
        {%- else -%}
            {%- if token in ['(', '(?:'] -%}{%- do state.update({'depth': state.depth + 1}) -%}{%- endif -%}
            {%- if token == ')' -%}{%- do state.update({'depth': state.depth - 1}) -%}{%- endif -%}
            {%- do alternatives[-1].append(token) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(alternatives) }}
{%- endmacro %}

{#- The longest run of plain characters outside groups that every match of `tokens` (one
    alternative) contains, lower-cased; '' when there is none. A quantifier `?`, `*` or `{m,n}`
    drops the character before it from the run; anything but a plain printable ASCII character
    (an escaped punctuation character counts as plain) ends the run. -#}
{% macro regex_longest_literal(tokens) -%}
    {%- set state = {'depth': 0, 'run': '', 'best': ''} -%}
    {%- for token in tokens -%}
        {%- set plain = job_insights.regex_plain_character(token) -%}
        {%- if state.depth > 0 -%}
            {%- if token in ['(', '(?:'] -%}{%- do state.update({'depth': state.depth + 1}) -%}{%- endif -%}
            {%- if token == ')' -%}{%- do state.update({'depth': state.depth - 1}) -%}{%- endif -%}
        {%- elif token in ['?', '*'] or token[:1] == '{' -%}
            {%- do state.update({'run': state.run[:-1]}) -%}
            {%- if state.run | length > state.best | length -%}{%- do state.update({'best': state.run}) -%}{%- endif -%}
            {%- do state.update({'run': ''}) -%}
        {%- elif plain -%}
            {%- do state.update({'run': state.run ~ plain}) -%}
        {%- else -%}
            {%- if state.run | length > state.best | length -%}{%- do state.update({'best': state.run}) -%}{%- endif -%}
            {%- do state.update({'run': ''}) -%}
            {%- if token in ['(', '(?:'] -%}{%- do state.update({'depth': 1}) -%}{%- endif -%}
        {%- endif -%}
    {%- endfor -%}
    {%- if state.run | length > state.best | length -%}{%- do state.update({'best': state.run}) -%}{%- endif -%}
    {{ return(state.best) }}
{%- endmacro %}

{#- The literals of the first group outside other groups that every match of `tokens` (one
    alternative) passes through (no `?`, `*` or `{m,n}` after it) and whose every alternative
    has a literal of 3 characters or more; [] when there is none. -#}
{% macro regex_group_literals(tokens) -%}
    {%- set state = {'depth': 0, 'inner': [], 'closed': none, 'found': []} -%}
    {%- for token in tokens + [''] -%}
        {%- if state.closed is not none -%}
            {%- if not state.found and token not in ['?', '*'] and token[:1] != '{' -%}
                {%- set literals = [] -%}
                {%- for alternative in job_insights.regex_alternatives(state.closed) -%}
                    {%- do literals.append(job_insights.regex_longest_literal(alternative)) -%}
                {%- endfor -%}
                {%- if literals | map('length') | min >= 3 -%}{%- do state.update({'found': literals}) -%}{%- endif -%}
            {%- endif -%}
            {%- do state.update({'closed': none}) -%}
        {%- endif -%}
        {%- if token in ['(', '(?:'] -%}
            {%- if state.depth > 0 -%}{%- do state.inner.append(token) -%}{%- endif -%}
            {%- do state.update({'depth': state.depth + 1}) -%}
        {%- elif token == ')' and state.depth > 0 -%}
            {%- do state.update({'depth': state.depth - 1}) -%}
            {%- if state.depth == 0 -%}
                {%- do state.update({'closed': state.inner, 'inner': []}) -%}
            {%- else -%}
                {%- do state.inner.append(token) -%}
            {%- endif -%}
        {%- elif state.depth > 0 -%}
            {%- do state.inner.append(token) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(state.found) }}
{%- endmacro %}
