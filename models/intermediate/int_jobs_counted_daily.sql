{#- Jobs of any status per day x tenant x pipeline (the job's own tenant): the job counts of
    the daily marts, read from the source once per run. The day is the finish date, else the
    start date; jobs with neither count on a null day.

    Incremental, day by day (null-safe delete+insert on day): every run counts all jobs again
    (one pass over the jobs, no history of errors), but rewrites only the days whose counts
    changed: new or late jobs of any status, status changes, jobs whose finish moved them to
    another day. processed_at marks those rows, so that the daily marts recompute just those
    days. A day x tenant x pipeline that lost all its jobs keeps a row with zero counts. -#}
{{ config(
    materialized='incremental',
    unique_key='day',
    incremental_strategy='null_safe_delete_insert',
    on_schema_change='append_new_columns',
) }}

with

jobs as (

    select * from {{ ref('stg_workflow_manager__job_executions') }}

),

counted as (

    select
        cast(coalesce(finished_at, started_at) as date) as day,
        tenant_id,
        pipeline_id,
        count(*) as all_jobs,
        sum(case when is_failed then 1 else 0 end) as failed_jobs
    from jobs
    group by cast(coalesce(finished_at, started_at) as date), tenant_id, pipeline_id

),

{%- if is_incremental() %}

stored as (

    select day, tenant_id, pipeline_id, all_jobs, failed_jobs from {{ this }}

),

-- Set operations compare nulls as equal: a null day, tenant or pipeline is a key like any.
changed_days as (

    select day from (
        select day, tenant_id, pipeline_id, all_jobs, failed_jobs from counted
        except
        select day, tenant_id, pipeline_id, all_jobs, failed_jobs from stored
    ) as added
    union
    select day from (
        select day, tenant_id, pipeline_id, all_jobs, failed_jobs from stored
        except
        select day, tenant_id, pipeline_id, all_jobs, failed_jobs from counted
    ) as removed

),

batch as (

    select counted.*
    from counted
    where {{ job_insights.in_null_safe('counted.day', 'changed_days', 'day') }}

    union all

    select stored.day, stored.tenant_id, stored.pipeline_id, 0 as all_jobs, 0 as failed_jobs
    from (
        select day, tenant_id, pipeline_id from stored
        where {{ job_insights.in_null_safe('stored.day', 'changed_days', 'day') }}
        except
        select day, tenant_id, pipeline_id from counted
    ) as stored

),

{%- else %}

batch as (

    select * from counted

),

{%- endif %}

final as (

    select
        cast(day as date) as day,
        cast(tenant_id as {{ dbt.type_string() }}) as tenant_id,
        cast(pipeline_id as {{ dbt.type_string() }}) as pipeline_id,
        cast(all_jobs as integer) as all_jobs,
        cast(failed_jobs as integer) as failed_jobs,
        {{ job_insights.run_processed_at() }} as processed_at
    from batch

)

select * from final
