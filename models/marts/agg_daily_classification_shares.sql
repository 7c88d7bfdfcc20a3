{#- Per day x classified_by (correction, rule, llm, none): errors and error groups classified
    that way and their share of the day's errors. Every day with jobs has all four rows, with
    zero counts (and a null share) on days without errors. The day is the job's finish date,
    else its start date. -#}
{%- set no_day = "cast('1900-01-01' as date)" -%}

with

errors as (

    select * from {{ ref('fct_job_errors') }}

),

jobs as (

    select * from {{ ref('stg_workflow_manager__job_executions') }}

),

methods as (

    select 'correction' as classified_by
    union all select 'rule'
    union all select 'llm'
    union all select 'none'

),

days as (

    select distinct day
    from {{ ref('int_jobs_counted_daily') }}
    where all_jobs > 0

),

error_days as (

    select
        cast(coalesce(errors.finished_at, jobs.started_at) as date) as day,
        errors.classified_by,
        errors.fingerprint
    from errors
    left join jobs on errors.job_id = jobs.job_id

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
            / nullif(day_totals.day_errors, 0) as share_of_errors
    from days
    cross join methods
    left join counts
        on {{ job_insights.equal_null_safe('days.day', 'counts.day', no_day) }}
        and methods.classified_by = counts.classified_by
    left join day_totals
        on {{ job_insights.equal_null_safe('days.day', 'day_totals.day', no_day) }}

)

select * from final
