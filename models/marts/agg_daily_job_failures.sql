{#- Per day x tenant x pipeline x category: failed jobs with an error of the category, errors
    of the category, and all jobs of that day, tenant and pipeline (for failure rates). Days
    with jobs but no failure have one row with a null category. The day is the finish date,
    else the start date.

    Incremental, day by day (null-safe delete+insert on day): a run recomputes the days whose
    job counts changed (int_jobs_counted_daily) and the days of the jobs of which
    fct_job_errors wrote rows since this model's last run (new, late and relabelled errors). -#}
{{ config(
    materialized='incremental',
    unique_key='day',
    incremental_strategy='null_safe_delete_insert',
    on_schema_change='append_new_columns',
    post_hook="{{ job_insights.delete_days_without_jobs() }}",
) }}
{%- set no_day = "cast('1900-01-01' as date)" -%}

with

daily_jobs as (

    select * from {{ ref('int_jobs_counted_daily') }}
    where all_jobs > 0

),

errors as {{ job_insights.inline_cte() }} (

    select * from {{ ref('fct_job_errors') }}

),

job_days as {{ job_insights.inline_cte() }} (

    select
        job_id,
        cast(coalesce(finished_at, started_at) as date) as day,
        tenant_id,
        pipeline_id
    from {{ ref('stg_workflow_manager__job_executions') }}

),

{%- if is_incremental() %}

batch_days as (

    select day from {{ ref('int_jobs_counted_daily') }} as counts
    where {{ job_insights.processed_since_last_run('counts') }}
    union
    select job_days.day
    from errors
    inner join job_days on errors.job_id = job_days.job_id
    where {{ job_insights.processed_since_last_run('errors') }}

),

{%- endif %}

all_jobs as (

    select day, tenant_id, pipeline_id, all_jobs, failed_jobs
    from daily_jobs
    {%- if is_incremental() %}
    where {{ job_insights.in_null_safe('daily_jobs.day', 'batch_days', 'day') }}
    {%- endif %}

),

batch_job_days as (

    select * from job_days
    {%- if is_incremental() %}
    where {{ job_insights.in_null_safe('job_days.day', 'batch_days', 'day') }}
    {%- endif %}

),

category_counts as (

    select
        batch_job_days.day,
        batch_job_days.tenant_id,
        batch_job_days.pipeline_id,
        errors.category,
        count(distinct errors.job_id) as failed_jobs,
        count(*) as errors
    from errors
    inner join batch_job_days on errors.job_id = batch_job_days.job_id
    group by
        batch_job_days.day,
        batch_job_days.tenant_id,
        batch_job_days.pipeline_id,
        errors.category

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
        cast(all_jobs.failed_jobs as integer) as all_failed_jobs,
        {{ job_insights.run_processed_at() }} as processed_at
    from all_jobs
    left join category_counts
        on {{ job_insights.equal_null_safe('all_jobs.day', 'category_counts.day', no_day) }}
        and {{ job_insights.equal_null_safe('all_jobs.tenant_id', 'category_counts.tenant_id') }}
        and {{ job_insights.equal_null_safe(
            'all_jobs.pipeline_id', 'category_counts.pipeline_id'
        ) }}

)

select * from final
