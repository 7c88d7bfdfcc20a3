{#- Corrected error groups with what the LLM sees of a group: the few-shot examples of the LLM
    step. A group correction wins over a correction of one of its errors. -#}
with

corrections as (

    select * from {{ ref('int_error_corrections') }}

),

error_groups as (

    select * from {{ ref('int_error_groups') }}

),

errors as (

    select * from {{ ref('int_job_errors_fingerprinted') }}

),

group_examples as (

    select
        error_groups.fingerprint,
        corrections.category,
        corrections.note,
        error_groups.exception_type,
        error_groups.representative_activity_name as activity_name,
        error_groups.error_template,
        error_groups.representative_message,
        corrections.corrected_at,
        1 as source_rank
    from corrections
    inner join error_groups on corrections.target_id = error_groups.fingerprint
    where corrections.target_kind = 'fingerprint'

),

error_examples as (

    select
        errors.fingerprint,
        corrections.category,
        corrections.note,
        errors.exception_type,
        errors.activity_name,
        errors.error_template,
        errors.error_message as representative_message,
        corrections.corrected_at,
        2 as source_rank
    from corrections
    inner join errors on corrections.target_id = errors.error_id
    where corrections.target_kind = 'error_id'

),

ranked as (

    select
        *,
        row_number() over (
            partition by fingerprint
            order by source_rank, corrected_at desc nulls last, category
        ) as example_rank
    from (
        select * from group_examples
        union all
        select * from error_examples
    ) as examples

),

final as (

    select
        fingerprint,
        category,
        note,
        exception_type,
        activity_name,
        error_template,
        representative_message
    from ranked
    where example_rank = 1

)

select * from final
