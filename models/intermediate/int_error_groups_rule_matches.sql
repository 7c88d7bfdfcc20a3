{#- Every classification rule that matches an error group's representative error, one row per
    (group, rule), with the rule's rank among the group's matches (1 = the rule that wins). -#}
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

    {{ job_insights.all_rule_matches(
        'error_groups', 'fingerprint', job_insights.error_group_rule_columns()
    ) }}

),

final as (

    select
        matches.fingerprint,
        rules.rule_id,
        cast(matches.rule_order as integer) as rule_order,
        rules.category,
        cast(
            row_number() over (partition by matches.fingerprint order by matches.rule_order)
            as integer
        ) as match_rank
    from matches
    inner join rules on matches.rule_order = rules.rule_order

)

select * from final
