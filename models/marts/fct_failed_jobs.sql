{#- One row per failed job: where and when it failed, how many errors, and the category of its
    first error (its primary category). -#}
with

jobs as (

    select * from {{ ref('stg_workflow_manager__job_executions') }}
    where is_failed

),

pipelines as (

    select * from {{ ref('stg_workflow_manager__pipelines') }}

),

errors as (

    select * from {{ ref('fct_job_errors') }}

),

error_counts as (

    select
        job_id,
        count(case when error_message is not null or exception_type is not null then 1 end)
            as error_count,
        min(error_index) as first_error_index
    from errors
    group by job_id

),

primary_errors as (

    select errors.job_id, errors.category, errors.classified_by
    from errors
    inner join error_counts
        on errors.job_id = error_counts.job_id
        and errors.error_index = error_counts.first_error_index

),

final as (

    select
        cast(jobs.job_id as {{ dbt.type_string() }}) as job_id,
        cast(jobs.pipeline_id as {{ dbt.type_string() }}) as pipeline_id,
        cast(pipelines.pipeline_name as {{ dbt.type_string() }}) as pipeline_name,
        cast(coalesce(jobs.tenant_id, pipelines.tenant_id) as {{ dbt.type_string() }})
            as tenant_id,
        cast(jobs.started_at as {{ dbt.type_timestamp() }}) as started_at,
        cast(jobs.finished_at as {{ dbt.type_timestamp() }}) as finished_at,
        cast(coalesce(error_counts.error_count, 0) as integer) as error_count,
        cast(coalesce(primary_errors.category, 'UNKNOWN') as varchar(40)) as primary_category,
        cast(primary_errors.classified_by as varchar(20)) as primary_classified_by
    from jobs
    left join pipelines on jobs.pipeline_id = pipelines.pipeline_id
    left join error_counts on jobs.job_id = error_counts.job_id
    left join primary_errors on jobs.job_id = primary_errors.job_id

)

select * from final
