{#- Every matching rule, not only the first: what dead and shadowed rules are measured on.

    all_rule_matches() returns a select of (key_column, rule_order) with one row for every rule
    of seeds/classification_rules.csv that matches a row of `relation` (rows that no rule
    matches do not appear). It reuses load_classification_rules(), rule_inputs() and
    rule_predicate() of classification_rules.sql, so rules match here exactly as they do in
    classify_with_rules(). Each batch is one scan of rule_inputs() crossed with the batch's
    rule orders; the CASE on rule_order evaluates only the one rule of each pair, and a batch
    never holds more distinct patterns than the Postgres regex cache keeps. The rule orders
    are one VALUES list: as a UNION of one-row selects, DuckDB turned the filter on the CASE
    into a join condition over few rows and set up the CASE (compiling every regex) once per
    select: 1.5 s for no rows at all. -#}
{% macro all_rule_matches(relation, key_column, columns) -%}
    {%- set rules = job_insights.load_classification_rules() -%}
    {%- set batches = job_insights.batch_classification_rules(rules) -%}
    {%- set inputs = job_insights.rule_input_columns(columns) -%}
    {%- if batches | length == 0 %}
    select {{ key_column }}, cast(null as integer) as rule_order
    from {{ relation }}
    where 1 = 0
    {%- else %}
    {%- for batch in batches %}
    select {{ key_column }}, rule_order
    from (
        select
            rule_inputs.{{ key_column }},
            batch_rules.rule_order,
            case batch_rules.rule_order
            {%- for rule in batch %}
                when {{ rule.rule_order }} then {{ job_insights.rule_predicate(rule, inputs) }}
            {%- endfor %}
            end as is_match
        from (
            {{ job_insights.rule_inputs(relation, key_column, columns) }}
        ) as rule_inputs
        cross join (
            values
            {%- for rule in batch %}
            ({{ rule.rule_order }}){% if not loop.last %},{% endif %}
            {%- endfor %}
        ) as batch_rules (rule_order)
    ) as batch_{{ loop.index }}_pairs
    where is_match
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- endif %}
{%- endmacro %}


{#- Distinct patterns one scan may use: all on engines without a small regex cache. -#}
{% macro rule_batch_patterns() -%}
    {{ return(adapter.dispatch('rule_batch_patterns', 'job_insights')()) }}
{%- endmacro %}

{% macro default__rule_batch_patterns() -%}
    {{ return(1000000) }}
{%- endmacro %}

{% macro postgres__rule_batch_patterns() -%}
    {{ return(var('rule_batch_patterns')) }}
{%- endmacro %}


{#- Rules grouped into batches of at most rule_batch_patterns() distinct patterns that need a
    regex (a pattern with plain forms needs none). -#}
{% macro batch_classification_rules(rules) -%}
    {%- set limit = job_insights.rule_batch_patterns() -%}
    {%- set batches = [] -%}
    {%- set state = {'rules': [], 'patterns': []} -%}
    {%- for rule in rules -%}
        {%- set regexes = [] -%}
        {%- for column, pattern in rule.patterns.items() -%}
            {%- if not rule.checks.get(column, {}).get('forms') and pattern not in regexes -%}
                {%- do regexes.append(pattern) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- set new_patterns = regexes | reject('in', state.patterns) | list -%}
        {%- if state.rules and (state.patterns | length) + (new_patterns | length) > limit -%}
            {%- do batches.append(state.rules) -%}
            {%- do state.update({'rules': [], 'patterns': []}) -%}
            {%- set new_patterns = regexes -%}
        {%- endif -%}
        {%- do state.rules.append(rule) -%}
        {%- do state.patterns.extend(new_patterns) -%}
    {%- endfor -%}
    {%- if state.rules -%}{%- do batches.append(state.rules) -%}{%- endif -%}
    {{ return(batches) }}
{%- endmacro %}
