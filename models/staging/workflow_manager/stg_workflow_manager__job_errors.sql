{#- One row per item of data.run_info.errors of every failed job. A failed job whose data holds
    no error item keeps one row (has_error_item = false); every row names its parse problems.
    The unnest itself is macros/job_errors.sql, shared with int_job_errors_fingerprinted, which
    runs it on the new jobs only. -#}
{%- set source_relation = source('workflow_manager', 'job_execution') -%}

with

source as (

    select * from {{ source_relation }}

),

failed_jobs as (

    select
        cast(id as {{ dbt.type_string() }}) as job_id,
        data as run_data
    from source
    where {{ job_insights.normalize_job_status('status') }} = 'FAILURE'

),

{{ job_insights.job_error_ctes(
    'failed_jobs', job_insights.column_is_text(source_relation, 'data')
) }},

final as (

    select * from job_errors

)

select * from final
