{#- Per day x tenant x pipeline x category: failed jobs with an error of the category, errors
    of the category, and all jobs of that day, tenant and pipeline (for failure rates). Days
    with jobs but no failure have one row with a null category. The day is the finish date,
    else the start date. -#}
with

jobs as (

    select * from {{ ref('stg_workflow_manager__job_executions') }}

),

errors as (

    select * from {{ ref('fct_job_errors') }}

),

job_days as (

    select
        job_id,
        is_failed,
        cast(coalesce(finished_at, started_at) as date) as day,
        tenant_id,
        pipeline_id
    from jobs

),

all_jobs as (

    select
        day,
        tenant_id,
        pipeline_id,
        count(*) as all_jobs,
        sum(case when is_failed then 1 else 0 end) as failed_jobs
    from job_days
    group by day, tenant_id, pipeline_id

),

category_counts as (

    select
        job_days.day,
        job_days.tenant_id,
        job_days.pipeline_id,
        errors.category,
        count(distinct errors.job_id) as failed_jobs,
        count(*) as errors
    from errors
    inner join job_days on errors.job_id = job_days.job_id
    group by job_days.day, job_days.tenant_id, job_days.pipeline_id, errors.category

),

final as (

    select
        all_jobs.day,
        all_jobs.tenant_id,
        all_jobs.pipeline_id,
        cast(category_counts.category as varchar(40)) as category,
        cast(coalesce(category_counts.failed_jobs, 0) as integer) as failed_jobs,
        cast(coalesce(category_counts.errors, 0) as integer) as errors,
        cast(all_jobs.all_jobs as integer) as all_jobs,
        cast(all_jobs.failed_jobs as integer) as all_failed_jobs
    from all_jobs
    left join category_counts
        on all_jobs.day is not distinct from category_counts.day
        and all_jobs.tenant_id is not distinct from category_counts.tenant_id
        and all_jobs.pipeline_id is not distinct from category_counts.pipeline_id

)

select * from final
