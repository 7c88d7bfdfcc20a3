{#- Compiles seeds/classification_rules.csv into SQL.

    load_classification_rules() reads and validates the seed (at execution time) and returns the
    rules in evaluation order. classify_with_rules() returns a select of (key, rule_order) with
    the first matching rule for every row of `relation` (null rule_order when none matches).

    Postgres keeps only 32 compiled regexes per backend, and a regex runs there only on the rows
    its literal prefilter lets through. classify_with_rules() stops at a row's first match, so it
    is one CASE over all rules in one scan, which Postgres can split across parallel workers;
    all_rule_matches() (classification_rule_matches.sql) tests every rule on every row, so it
    evaluates rules in batches whose distinct patterns fit the cache. -#}

{#- Pattern columns of the seed and the error field each one is matched against. -#}
{% macro rule_pattern_columns() -%}
    {{ return({
        'exception_pattern': 'exception',
        'message_pattern': 'message',
        'activity_pattern': 'activity',
        'code_pattern': 'code',
    }) }}
{%- endmacro %}

{#- What rules are matched against on an error group (int_error_groups): its representative
    error, the message as rule_message(). Both the first-match and the all-matches models use
    this mapping on a relation that adds `rule_message`. -#}
{% macro error_group_rule_columns() -%}
    {{ return({
        'exception': 'exception_type',
        'message': 'rule_message',
        'activity': 'representative_activity_name',
        'code': 'representative_error_code',
    }) }}
{%- endmacro %}

{#- The message as rules see it: whitespace runs (newlines included) as one space, so that
    `.`, `^` and `$` mean the same on RE2 and on Postgres ARE. The class is ASCII whitespace
    spelt out: `[[:space:]]` follows the database locale on Postgres (no-break space, ...) and
    is ASCII on RE2. job_insights.rules.rule_message is its Python twin. -#}
{% macro rule_message(message_expr) -%}
    {{ job_insights.regex_replace_all(message_expr, '[ \t\n\r\f\v]+', ' ') }}
{%- endmacro %}

{% macro load_classification_rules() -%}
    {%- if not execute -%}
        {{ return([]) }}
    {%- endif -%}
    {%- set query -%}
        select
            rule_id, rule_order, category, exception_pattern, message_pattern,
            activity_pattern, code_pattern, confidence, reasoning,
            {{ job_insights.regex_is_valid('exception_pattern') }} as exception_pattern_valid,
            {{ job_insights.regex_is_valid('message_pattern') }} as message_pattern_valid,
            {{ job_insights.regex_is_valid('activity_pattern') }} as activity_pattern_valid,
            {{ job_insights.regex_is_valid('code_pattern') }} as code_pattern_valid
        from {{ ref('classification_rules') }}
        order by rule_order, rule_id
    {%- endset -%}
    {%- set categories = ['INPUT_DATA_QUALITY', 'WORKFLOW_ENGINE', 'THIRD_PARTY_SYSTEM'] -%}
    {#- Longest pattern or reasoning (MAX_RULE_TEXT_LENGTH in job_insights/rules.py). -#}
    {%- set max_length = 1000 -%}
    {%- set seen = {'ids': [], 'orders': []} -%}
    {%- set checked = {} -%}  {#- pattern -> its checks, once per distinct pattern -#}
    {%- set rules = [] -%}
    {%- for row in run_query(query).rows -%}
        {%- set name = 'classification rule ' ~ (row['rule_id'] or '(no rule_id, order ' ~ row['rule_order'] ~ ')') -%}
        {%- set problems = [] -%}
        {%- if not row['rule_id'] -%}{%- do problems.append('rule_id is empty') -%}{%- endif -%}
        {%- if row['rule_id'] in seen.ids -%}{%- do problems.append('rule_id is used twice') -%}{%- endif -%}
        {%- if row['rule_order'] is none -%}{%- do problems.append('rule_order is empty') -%}{%- endif -%}
        {%- if row['rule_order'] in seen.orders -%}
            {%- do problems.append('rule_order ' ~ row['rule_order'] ~ ' is used twice') -%}
        {%- endif -%}
        {%- if row['category'] not in categories -%}
            {%- do problems.append('unknown category ' ~ row['category'] ~ ' (expected one of ' ~ categories | join(', ') ~ ')') -%}
        {%- endif -%}
        {%- for column in job_insights.rule_pattern_columns() | list + ['reasoning'] -%}
            {%- if row[column] is not none and row[column] | length > max_length -%}
                {%- do problems.append(column ~ ' is ' ~ row[column] | length ~ ' characters long, more than ' ~ max_length) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if row['confidence'] is none or row['confidence'] < 0 or row['confidence'] > 1 -%}
            {%- do problems.append('confidence must be within 0..1') -%}
        {%- endif -%}
        {%- set patterns = {} -%}
        {%- for column in job_insights.rule_pattern_columns() -%}
            {%- if row[column] is not none and row[column] | trim != '' -%}
                {%- do patterns.update({column: row[column]}) -%}
                {%- if not row[column ~ '_valid'] -%}
                    {%- do problems.append(column ~ ' is not a valid regex: ' ~ row[column]) -%}
                {%- endif -%}
            {%- endif -%}
        {%- endfor -%}
        {%- if patterns | length == 0 -%}{%- do problems.append('it has no pattern') -%}{%- endif -%}
        {%- if problems -%}
            {{ exceptions.raise_compiler_error(name ~ ': ' ~ problems | join('; ')) }}
        {%- endif -%}
        {%- do seen.ids.append(row['rule_id']) -%}
        {%- do seen.orders.append(row['rule_order']) -%}
        {%- do rules.append(job_insights.classification_rule(row['rule_id'], row['rule_order'], patterns, checked)) -%}
    {%- endfor -%}
    {{ return(rules) }}
{%- endmacro %}


{#- A rule as the compiled rules use it: rule_id, rule_order, `patterns` (pattern column ->
    regex) and `checks` (pattern column -> how the pattern is tested where the engine
    prefilters: {'forms': regex_plain_forms, 'literals': regex_required_literals when it has
    no plain forms}; empty elsewhere). `checked` (pattern -> checks) lets the rules of one
    compilation analyse each distinct pattern once. -#}
{% macro classification_rule(rule_id, rule_order, patterns, checked=none) -%}
    {%- set checked = {} if checked is none else checked -%}
    {%- set checks = {} -%}
    {%- if job_insights.rule_prefilter_enabled() -%}
        {%- for column, pattern in patterns.items() -%}
            {%- if pattern not in checked -%}
                {%- set forms = job_insights.regex_plain_forms(pattern) -%}
                {%- do checked.update({pattern: {
                    'forms': forms,
                    'literals': [] if forms else job_insights.regex_required_literals(pattern),
                }}) -%}
            {%- endif -%}
            {%- do checks.update({column: checked[pattern]}) -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return({'rule_id': rule_id, 'rule_order': rule_order, 'patterns': patterns, 'checks': checks}) }}
{%- endmacro %}


{#- True where the compiled rules check, before each regex, that the text contains one of
    its required literals (regex_required_literals), and test a pattern of plain text
    (regex_plain_forms) by equality, prefix and substring alone: Postgres matches a regex about
    ten times slower than it finds a substring (benchmarks/rule_throughput.py); DuckDB's RE2
    prefilters by itself. -#}
{% macro rule_prefilter_enabled() -%}
    {{ return(adapter.dispatch('rule_prefilter_enabled', 'job_insights')()) }}
{%- endmacro %}

{% macro default__rule_prefilter_enabled() -%}
    {{ return(false) }}
{%- endmacro %}

{% macro postgres__rule_prefilter_enabled() -%}
    {{ return(var('rule_literal_prefilter')) }}
{%- endmacro %}


{#- The condition under which `rule` matches a row: all its patterns match, ignoring case.
    The one place that turns a rule into SQL (first match and all matches use it). `columns`
    maps exception, message, activity and code to SQL expressions; `<field>_lower` keys, when
    present, hold the same expressions lower-cased for the prefilter. -#}
{% macro rule_predicate(rule, columns) -%}
    {%- set parts = [] -%}
    {%- for column, pattern in rule.patterns.items() -%}
        {%- set forms = rule.checks.get(column, {}).get('forms') -%}
        {%- set literals = rule.checks.get(column, {}).get('literals', []) -%}
        {#- Cheapest test first, the regex without a prefilter last: it runs on every row that
            reaches it, so it should see only the rows the others let through. -#}
        {%- set cost = 2 -%}
        {%- if forms and forms | rejectattr('mode', 'equalto', 'equal') | list | length == 0 -%}
            {%- set cost = 0 -%}
        {%- elif forms or literals -%}
            {%- set cost = 1 -%}
        {%- endif -%}
        {%- do parts.append({'column': column, 'pattern': pattern, 'forms': forms,
                             'literals': literals, 'cost': cost}) -%}
    {%- endfor -%}
    {%- for part in parts | sort(attribute='cost') -%}
        {%- set field = job_insights.rule_pattern_columns()[part.column] -%}
        {%- set lowered = columns.get(field ~ '_lower', 'lower(' ~ columns[field] ~ ')') -%}
        {%- if part.forms -%}
            {#- Plain text: equality, prefix and substring tests are the match, no regex. -#}
            {%- set tests = [] -%}
            {%- set equal = part.forms | selectattr('mode', 'equalto', 'equal') | map(attribute='text') | unique | list -%}
            {%- if equal -%}
                {%- set quoted = [] -%}
                {%- for text in equal -%}{%- do quoted.append(job_insights.sql_string(text)) -%}{%- endfor -%}
                {%- do tests.append(lowered ~ ' in (' ~ quoted | join(', ') ~ ')') -%}
            {%- endif -%}
            {%- for form in part.forms | rejectattr('mode', 'equalto', 'equal') -%}
                {%- if form.mode == 'prefix' -%}
                    {%- do tests.append('starts_with(' ~ lowered ~ ', ' ~ job_insights.sql_string(form.text) ~ ')') -%}
                {%- else -%}
                    {%- do tests.append('strpos(' ~ lowered ~ ', ' ~ job_insights.sql_string(form.text) ~ ') > 0') -%}
                {%- endif -%}
            {%- endfor -%}
            ({{ tests | join(' or ') }})
        {%- elif part.literals -%}
            (({%- for literal in part.literals -%}
                strpos({{ lowered }}, {{ job_insights.sql_string(literal) }}) > 0
                {%- if not loop.last %} or {% endif -%}
            {%- endfor %}) and {{ job_insights.regex_matches_ci(columns[field], job_insights.sql_string(part.pattern)) }})
        {%- else -%}
            {{ job_insights.regex_matches_ci(columns[field], job_insights.sql_string(part.pattern)) }}
        {%- endif -%}
        {%- if not loop.last %} and {% endif -%}
    {%- endfor -%}
{%- endmacro %}


{#- The CASE that returns the rule_order of the first rule of `rules` matching a row. -#}
{% macro rule_match_case(rules, columns) -%}
    case
    {%- for rule in rules %}
        when {{ job_insights.rule_predicate(rule, columns) }} then {{ rule.rule_order }}
    {%- endfor %}
    end
{%- endmacro %}


{#- The columns of rule_inputs() that rule_predicate() reads: field -> column, with
    `<field>_lower` where the engine prefilters. -#}
{% macro rule_input_columns(columns) -%}
    {%- set inputs = {} -%}
    {%- for field in columns -%}
        {%- do inputs.update({field: 'rule_input_' ~ field}) -%}
        {%- if job_insights.rule_prefilter_enabled() -%}
            {%- do inputs.update({field ~ '_lower': 'rule_input_' ~ field ~ '_lower'}) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(inputs) }}
{%- endmacro %}


{#- The body of a subquery over `relation`: key_column and the rule_input_columns(), each
    computed once per row (planner_fence keeps the planner from inlining them into every
    test, where each prefilter would lower-case the message again). -#}
{% macro rule_inputs(relation, key_column, columns) -%}
    {{ job_insights.planner_fence() }}
    select
        {{ key_column }}
        {%- for field, expr in columns.items() %},
        {{ expr }} as rule_input_{{ field }}
        {%- if job_insights.rule_prefilter_enabled() %},
        lower({{ expr }}) as rule_input_{{ field }}_lower
        {%- endif %}
        {%- endfor %}
    from {{ relation }}
{%- endmacro %}


{#- Select (key_column, rule_order) for every row of `relation`: the first matching rule (null
    when none matches). `columns` maps exception, message, activity and code to SQL expressions
    of `relation`. One scan, one CASE over all rules in order, which the planner is free to
    split across parallel workers (a materialized CTE would keep it to one process). The CASE
    sits in a subquery that starts with planner_fence(), over rule_inputs(), so that a consumer
    that uses rule_order twice (a join's hash and its recheck) does not evaluate all rules
    twice. -#}
{% macro classify_with_rules(relation, key_column, columns) -%}
    {%- set rules = job_insights.load_classification_rules() %}
    select {{ key_column }}, rule_order
    from (
        {{ job_insights.planner_fence() }}
        select
            {{ key_column }},
            {% if rules -%}
            {{ job_insights.rule_match_case(rules, job_insights.rule_input_columns(columns)) }}
            {%- else -%}
            cast(null as integer)
            {%- endif %} as rule_order
        from (
            {{ job_insights.rule_inputs(relation, key_column, columns) }}
        ) as rule_inputs
    ) as rule_matches
{%- endmacro %}


{#- Put before a subquery's select: keeps the subquery from being inlined into the query around
    it, at no cost per row and without keeping its scan out of parallel workers. Postgres does
    not pull up a subquery that has a WITH clause of its own (an unused one is dropped when the
    subquery is planned). The usual fences cost more: OFFSET 0 keeps the rows above it out of
    parallel workers, and a set-returning function in the select list evaluates the rest of
    that list twice per row. DuckDB needs none. -#}
{% macro planner_fence() -%}
    {{ return(adapter.dispatch('planner_fence', 'job_insights')()) }}
{%- endmacro %}

{% macro default__planner_fence() -%}
{%- endmacro %}

{% macro postgres__planner_fence() -%}
    with planner_fence as (select 1)
{%- endmacro %}
