{#- Rules have an id and a rule_order used once, a known category, at least one pattern, regexes
    the engine accepts and a confidence within 0..1. load_classification_rules() raises an error
    naming the first bad rule; this test runs it right after the seed loads, so that every model
    using the rules is skipped. -#}
-- depends_on: {{ ref('classification_rules') }}
{%- do job_insights.load_classification_rules() %}
select 1 as problem where 1 = 0
