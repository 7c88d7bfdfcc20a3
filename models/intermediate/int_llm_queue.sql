{#- Error groups that corrections and rules leave UNKNOWN: what the LLM step may ask about.
    The step itself leaves out the groups already answered for its model and prompt version. -#}
with

error_groups as (

    select * from {{ ref('int_error_groups') }}

),

group_corrections as (

    select * from {{ ref('int_error_corrections') }}
    where target_kind = 'fingerprint'

),

rule_results as (

    select * from {{ ref('int_error_groups_rule_classified') }}

),

final as (

    select
        error_groups.fingerprint,
        error_groups.exception_type,
        error_groups.representative_activity_name as activity_name,
        error_groups.error_template,
        error_groups.representative_message,
        error_groups.representative_error_code as error_code,
        error_groups.occurrences,
        error_groups.last_seen_at
    from error_groups
    left join group_corrections on error_groups.fingerprint = group_corrections.target_id
    left join rule_results on error_groups.fingerprint = rule_results.fingerprint
    where error_groups.has_error_item
        and group_corrections.target_id is null
        and (rule_results.rule_id is null or rule_results.category = 'UNKNOWN')

)

select * from final
