{#- Per day x tenant x pipeline: all jobs, failed jobs, the failure rate and the rolling
    failure rate over the last var failure_rate_window_days days (today included), computed
    from the job counts of those days (days without jobs add nothing). The day is the finish
    date, else the start date; jobs with neither form one row with a null day. -#}
{%- set window_days = var('failure_rate_window_days') -%}

with

jobs as (

    select * from {{ ref('stg_workflow_manager__job_executions') }}

),

pipelines as (

    select * from {{ ref('stg_workflow_manager__pipelines') }}

),

job_days as (

    select
        cast(coalesce(jobs.finished_at, jobs.started_at) as date) as day,
        coalesce(jobs.tenant_id, pipelines.tenant_id) as tenant_id,
        jobs.pipeline_id,
        pipelines.pipeline_name,
        jobs.is_failed
    from jobs
    left join pipelines on jobs.pipeline_id = pipelines.pipeline_id

),

daily as (

    select
        day,
        tenant_id,
        pipeline_id,
        max(pipeline_name) as pipeline_name,
        count(*) as all_jobs,
        sum(case when is_failed then 1 else 0 end) as failed_jobs
    from job_days
    group by day, tenant_id, pipeline_id

),

rolling as (

    select
        anchor.day,
        anchor.tenant_id,
        anchor.pipeline_id,
        sum(window_rows.all_jobs) as window_jobs,
        sum(window_rows.failed_jobs) as window_failed_jobs
    from daily as anchor
    inner join daily as window_rows
        on anchor.tenant_id is not distinct from window_rows.tenant_id
        and anchor.pipeline_id is not distinct from window_rows.pipeline_id
        and (
            (
                window_rows.day <= anchor.day
                and window_rows.day
                    > {{ dbt.dateadd('day', -window_days, 'anchor.day') }}
            )
            or (anchor.day is null and window_rows.day is null)
        )
    group by anchor.day, anchor.tenant_id, anchor.pipeline_id

),

final as (

    select
        cast(daily.day as date) as day,
        cast(daily.tenant_id as {{ dbt.type_string() }}) as tenant_id,
        cast(daily.pipeline_id as {{ dbt.type_string() }}) as pipeline_id,
        cast(daily.pipeline_name as {{ dbt.type_string() }}) as pipeline_name,
        cast(daily.all_jobs as integer) as all_jobs,
        cast(daily.failed_jobs as integer) as failed_jobs,
        cast(daily.failed_jobs as double precision) / daily.all_jobs as failure_rate,
        cast(rolling.window_jobs as integer) as rolling_jobs,
        cast(rolling.window_failed_jobs as integer) as rolling_failed_jobs,
        cast(rolling.window_failed_jobs as double precision) / rolling.window_jobs
            as rolling_failure_rate
    from daily
    inner join rolling
        on daily.day is not distinct from rolling.day
        and daily.tenant_id is not distinct from rolling.tenant_id
        and daily.pipeline_id is not distinct from rolling.pipeline_id

)

select * from final
