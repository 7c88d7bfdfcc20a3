{#- Per day x tenant x pipeline: all jobs, failed jobs, the failure rate and the rolling
    failure rate over the last var failure_rate_window_days days (today included), computed
    from the job counts of those days (days without jobs add nothing). The day is the finish
    date, else the start date; jobs with neither form one row with a null day. The job counts
    come from int_jobs_counted_daily (one pass over the jobs per run). Joins on nullable keys
    use equal_null_safe, which Postgres can hash. -#}
{%- set window_days = var('failure_rate_window_days') -%}
{%- set no_day = "cast('1900-01-01' as date)" -%}

with

daily_jobs as (

    select * from {{ ref('int_jobs_counted_daily') }}
    where all_jobs > 0

),

pipelines as (

    select * from {{ ref('stg_workflow_manager__pipelines') }}

),

-- The job counts come per job tenant; a job without one counts for its pipeline's tenant.
daily as (

    select
        daily_jobs.day,
        coalesce(daily_jobs.tenant_id, pipelines.tenant_id) as tenant_id,
        daily_jobs.pipeline_id,
        max(pipelines.pipeline_name) as pipeline_name,
        sum(daily_jobs.all_jobs) as all_jobs,
        sum(daily_jobs.failed_jobs) as failed_jobs
    from daily_jobs
    left join pipelines on daily_jobs.pipeline_id = pipelines.pipeline_id
    group by
        daily_jobs.day,
        coalesce(daily_jobs.tenant_id, pipelines.tenant_id),
        daily_jobs.pipeline_id

),

-- The window as an equi-join: each day's counts are added to the anchors 0 to N-1 days later,
-- so that Postgres can hash it, and no pair of days outside the window is ever formed.
window_offsets as (
    {% for offset in range(window_days) %}
    select {{ offset }} as days_later
    {%- if not loop.last %}
    union all{% endif %}
    {%- endfor %}

),

window_rows as (

    select
        case
            when daily.day is not null
                then cast({{ dbt.dateadd('day', 'window_offsets.days_later', 'daily.day') }} as date)
        end as anchor_day,
        daily.tenant_id,
        daily.pipeline_id,
        daily.all_jobs,
        daily.failed_jobs
    from daily
    inner join window_offsets
        on daily.day is not null or window_offsets.days_later = 0

),

rolling as (

    select
        anchor.day,
        anchor.tenant_id,
        anchor.pipeline_id,
        sum(window_rows.all_jobs) as window_jobs,
        sum(window_rows.failed_jobs) as window_failed_jobs
    from daily as anchor
    inner join window_rows
        on {{ job_insights.equal_null_safe('anchor.day', 'window_rows.anchor_day', no_day) }}
        and {{ job_insights.equal_null_safe('anchor.tenant_id', 'window_rows.tenant_id') }}
        and {{ job_insights.equal_null_safe('anchor.pipeline_id', 'window_rows.pipeline_id') }}
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
        on {{ job_insights.equal_null_safe('daily.day', 'rolling.day', no_day) }}
        and {{ job_insights.equal_null_safe('daily.tenant_id', 'rolling.tenant_id') }}
        and {{ job_insights.equal_null_safe('daily.pipeline_id', 'rolling.pipeline_id') }}

)

select * from final
