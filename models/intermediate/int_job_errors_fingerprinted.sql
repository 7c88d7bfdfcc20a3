{#- Every error row with its job context, template and fingerprint. -#}
with

errors as (

    select * from {{ ref('stg_workflow_manager__job_errors') }}

),

jobs as (

    select * from {{ ref('stg_workflow_manager__job_executions') }}

),

templated as (

    select
        errors.*,
        case
            when errors.has_error_item
                then left(
                    {{ job_insights.mask_error_text('errors.error_message') }},
                    {{ var('max_template_length') }}
                )
            else '[no error item: ' || errors.parse_problems || ']'
        end as error_template,
        {{ job_insights.mask_error_text('errors.activity_name') }} as activity_template
    from errors

),

final as (

    select
        templated.error_id,
        templated.job_id,
        templated.error_index,
        jobs.pipeline_id,
        jobs.tenant_id,
        jobs.finished_at,
        templated.has_error_item,
        templated.activity_name,
        templated.activity_template,
        templated.error_code,
        templated.error_code_raw,
        templated.error_message,
        templated.exception_type,
        templated.details_json,
        templated.parse_problems,
        templated.error_template,
        {{ job_insights.error_fingerprint(
            'templated.exception_type', 'templated.activity_template', 'templated.error_template'
        ) }} as fingerprint
    from templated
    left join jobs on templated.job_id = jobs.job_id

)

select * from final
