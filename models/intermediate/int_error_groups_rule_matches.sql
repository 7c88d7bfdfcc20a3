{#- Every classification rule that matches an error group's representative error, one row per
    (group, rule), with the rule's rank among the group's matches (1 = the rule that wins).
    Incremental on the group (macros/rule_results.sql): a run recomputes the groups whose
    first-match result int_error_groups_rule_classified wrote since this model's last run. -#}
{{ config(
    materialized='incremental',
    unique_key='fingerprint',
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    pre_hook="{{ job_insights.disable_jit() }}",
    post_hook="{{ job_insights.delete_outdated_rule_matches() }}",
) }}
with

error_groups as (

    select
        groups.*,
        {{ job_insights.rule_message('groups.representative_message') }} as rule_message
    from {{ ref('int_error_groups') }} as groups
    {%- if is_incremental() %}
    where groups.fingerprint in (
        select classified.fingerprint
        from {{ ref('int_error_groups_rule_classified') }} as classified
        where {{ job_insights.processed_since_last_run('classified') }}
    )
    {%- endif %}

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
        ) as match_rank,
        {{ job_insights.run_processed_at() }} as processed_at
    from matches
    inner join rules on matches.rule_order = rules.rule_order

)

select * from final
