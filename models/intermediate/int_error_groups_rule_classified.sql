{#- The first matching classification rule of every error group, from its representative.
    Rules see the message with whitespace runs (newlines included) as one space, so that `.`,
    `^` and `$` mean the same on RE2 and on Postgres ARE. -#}
{{ config(pre_hook="{{ job_insights.disable_jit() }}") }}
with

error_groups as (

    select
        *,
        {{ job_insights.rule_message('representative_message') }} as rule_message
    from {{ ref('int_error_groups') }}

),

rules as (

    select * from {{ ref('classification_rules') }}

),

matches as (

    {{ job_insights.classify_with_rules(
        'error_groups', 'fingerprint', job_insights.error_group_rule_columns()
    ) }}

),

final as (

    select
        matches.fingerprint,
        rules.rule_id,
        rules.category,
        rules.confidence,
        rules.reasoning
    from matches
    left join rules on matches.rule_order = rules.rule_order

)

select * from final
