{#- Every matching rule, not only the first: what dead and shadowed rules are measured on.

    all_rule_matches() returns a select of (key_column, rule_order) with one row for every rule
    of seeds/classification_rules.csv that matches a row of `relation` (rows that no rule
    matches do not appear). It reuses load_classification_rules(), batch_classification_rules()
    and rule_predicate() of classification_rules.sql, so rules match here exactly as they do
    in classify_with_rules(). Each batch is one scan of `relation` crossed with the batch's
    rule orders; the CASE on rule_order evaluates only the one rule of each pair, and a batch
    never holds more distinct patterns than the Postgres regex cache keeps. -#}
{% macro all_rule_matches(relation, key_column, columns) -%}
    {%- set rules = job_insights.load_classification_rules() -%}
    {%- set batches = job_insights.batch_classification_rules(rules) -%}
    {%- if batches | length == 0 %}
    select {{ key_column }}, cast(null as integer) as rule_order
    from {{ relation }}
    where 1 = 0
    {%- else %}
    {%- for batch in batches %}
    select {{ key_column }}, rule_order
    from (
        select
            {{ relation }}.{{ key_column }},
            batch_rules.rule_order,
            case batch_rules.rule_order
            {%- for rule in batch %}
                when {{ rule.rule_order }} then {{ job_insights.rule_predicate(rule, columns) }}
            {%- endfor %}
            end as is_match
        from {{ relation }}
        cross join (
            {%- for rule in batch %}
            select cast({{ rule.rule_order }} as integer) as rule_order
            {%- if not loop.last %} union all{% endif %}
            {%- endfor %}
        ) as batch_rules
    ) as batch_{{ loop.index }}_pairs
    where is_match
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- endif %}
{%- endmacro %}
