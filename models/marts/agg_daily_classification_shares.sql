{#- Per day x classified_by (correction, rule, llm, none): errors and error groups classified
    that way and their share of the day's errors. Every day with jobs has all four rows, with
    zero counts (and a null share) on days without errors. The day is the job's finish date,
    else its start date.

    Incremental, day by day (null-safe delete+insert on day): a run recomputes the days whose
    job counts changed (int_jobs_counted_daily) and the days of the errors fct_job_errors wrote
    since this model's last run (new, late and relabelled errors). -#}
{{ config(
    materialized='incremental',
    unique_key='day',
    incremental_strategy='null_safe_delete_insert',
    on_schema_change='append_new_columns',
    post_hook="{{ job_insights.delete_days_without_jobs() }}",
) }}
{%- set no_day = "cast('1900-01-01' as date)" -%}

with

errors as {{ job_insights.inline_cte() }} (

    select * from {{ ref('fct_job_errors') }}

),

jobs as {{ job_insights.inline_cte() }} (

    select * from {{ ref('stg_workflow_manager__job_executions') }}

),

job_counts as (

    select * from {{ ref('int_jobs_counted_daily') }}

),

methods as (

    select 'correction' as classified_by
    union all select 'rule'
    union all select 'llm'
    union all select 'none'

),

-- Only errors without a finish time need their job's start time: a join of the few.
all_error_days as {{ job_insights.inline_cte() }} (

    select
        cast(finished_at as date) as day,
        classified_by,
        fingerprint,
        processed_at
    from errors
    where finished_at is not null

    union all

    select
        cast(jobs.started_at as date) as day,
        errors.classified_by,
        errors.fingerprint,
        errors.processed_at
    from errors
    left join jobs on errors.job_id = jobs.job_id
    where errors.finished_at is null

),

{%- if is_incremental() %}

batch_days as (

    select day from job_counts
    where {{ job_insights.processed_since_last_run('job_counts') }}
    union
    select day from all_error_days
    where {{ job_insights.processed_since_last_run('all_error_days') }}

),

{%- endif %}

days as (

    select distinct day
    from job_counts
    where all_jobs > 0
    {%- if is_incremental() %}
        and {{ job_insights.in_null_safe('job_counts.day', 'batch_days', 'day') }}
    {%- endif %}

),

error_days as (

    select * from all_error_days
    {%- if is_incremental() %}
    where {{ job_insights.in_null_safe('all_error_days.day', 'batch_days', 'day') }}
    {%- endif %}

),

counts as (

    select
        day,
        classified_by,
        count(*) as errors,
        count(distinct fingerprint) as error_groups
    from error_days
    group by day, classified_by

),

day_totals as (

    select day, count(*) as day_errors
    from error_days
    group by day

),

final as (

    select
        cast(days.day as date) as day,
        cast(methods.classified_by as varchar(20)) as classified_by,
        cast(coalesce(counts.errors, 0) as integer) as errors,
        cast(coalesce(counts.error_groups, 0) as integer) as error_groups,
        cast(coalesce(day_totals.day_errors, 0) as integer) as day_errors,
        cast(coalesce(counts.errors, 0) as double precision)
            / nullif(day_totals.day_errors, 0) as share_of_errors,
        {{ job_insights.run_processed_at() }} as processed_at
    from days
    cross join methods
    left join counts
        on {{ job_insights.equal_null_safe('days.day', 'counts.day', no_day) }}
        and methods.classified_by = counts.classified_by
    left join day_totals
        on {{ job_insights.equal_null_safe('days.day', 'day_totals.day', no_day) }}

)

select * from final
