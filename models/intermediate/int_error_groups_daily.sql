{#- Error groups per day, the day an error is seen (its job's finish date, else its start
    date; null for jobs with neither): occurrences, affected jobs, first and last finish and
    sighting, and the day's first error (earliest finish, then lowest error_id) with what
    int_error_groups shows of it. int_error_groups and dim_error_groups add the days up: all
    errors of a job are seen on one day, so jobs add up across days.

    Incremental, day by day (null-safe delete+insert on day): a run recomputes the days of the
    rows int_job_errors_fingerprinted wrote since this model's last run, and the days whose
    row count changed (a job rewritten onto another day leaves its old day). A day that lost
    all its rows keeps one row per group with zero occurrences (int_error_groups skips them). -#}
{{ config(
    materialized='incremental',
    unique_key='day',
    incremental_strategy='null_safe_delete_insert',
    on_schema_change='append_new_columns',
) }}
{%- set no_day = "cast('1900-01-01' as date)" -%}

with

errors as {{ job_insights.inline_cte() }} (

    select
        *,
        coalesce(finished_at, started_at) as seen_at,
        cast(coalesce(finished_at, started_at) as date) as day
    from {{ ref('int_job_errors_fingerprinted') }}

),

{%- if is_incremental() %}

stored_days as (

    select day, sum(occurrences) as occurrences
    from {{ this }}
    group by day
    having sum(occurrences) > 0

),

current_days as (

    select day, count(*) as occurrences
    from errors
    group by day

),

-- Set operations compare nulls as equal: the null day is a key like any.
batch_days as (

    select day from errors
    where {{ job_insights.processed_since_last_run('errors') }}
    union
    select day from (
        select day, occurrences from current_days
        except
        select day, occurrences from stored_days
    ) as changed
    union
    select day from (
        select day, occurrences from stored_days
        except
        select day, occurrences from current_days
    ) as removed

),

batch as (

    select * from errors
    where {{ job_insights.in_null_safe('errors.day', 'batch_days', 'day') }}

),

{%- else %}

batch as (

    select * from errors

),

{%- endif %}

stats as (

    select
        fingerprint,
        day,
        count(*) as occurrences,
        count(distinct job_id) as affected_jobs,
        min(finished_at) as first_finished_at,
        max(finished_at) as last_finished_at,
        min(seen_at) as first_seen_at,
        max(seen_at) as last_seen_at
    from batch
    group by fingerprint, day

),

-- The day's first error: earliest finish, then lowest error_id. Aggregates, not a window.
firsts as (

    select batch.fingerprint, batch.day, min(batch.error_id) as error_id
    from batch
    inner join stats
        on batch.fingerprint = stats.fingerprint
        and {{ job_insights.equal_null_safe('batch.day', 'stats.day', no_day) }}
        and (batch.finished_at = stats.first_finished_at or stats.first_finished_at is null)
    group by batch.fingerprint, batch.day

),

first_errors as (

    select batch.*
    from firsts
    inner join batch on firsts.error_id = batch.error_id

),

counted as (

    select
        stats.fingerprint,
        stats.day,
        first_errors.exception_type,
        first_errors.activity_template,
        first_errors.error_template,
        first_errors.has_error_item,
        first_errors.error_id as first_error_id,
        first_errors.error_message as first_error_message,
        first_errors.activity_name as first_activity_name,
        coalesce(
            cast(first_errors.error_code as {{ dbt.type_string() }}), first_errors.error_code_raw
        ) as first_error_code,
        stats.occurrences,
        stats.affected_jobs,
        stats.first_finished_at,
        stats.last_finished_at,
        stats.first_seen_at,
        stats.last_seen_at
    from stats
    inner join first_errors on stats.fingerprint = first_errors.fingerprint
        and {{ job_insights.equal_null_safe('stats.day', 'first_errors.day', no_day) }}

),

{%- if is_incremental() %}

emptied as (

    select
        stored.fingerprint,
        stored.day,
        stored.exception_type,
        stored.activity_template,
        stored.error_template,
        stored.has_error_item,
        stored.first_error_id,
        stored.first_error_message,
        stored.first_activity_name,
        stored.first_error_code,
        0 as occurrences,
        0 as affected_jobs,
        cast(null as {{ dbt.type_timestamp() }}) as first_finished_at,
        cast(null as {{ dbt.type_timestamp() }}) as last_finished_at,
        cast(null as {{ dbt.type_timestamp() }}) as first_seen_at,
        cast(null as {{ dbt.type_timestamp() }}) as last_seen_at
    from {{ this }} as stored
    where {{ job_insights.in_null_safe('stored.day', 'batch_days', 'day') }}
        and not {{ job_insights.in_null_safe('stored.day', 'current_days', 'day') }}

),

{%- endif %}

final as (

    select
        fingerprint,
        cast(day as date) as day,
        exception_type,
        activity_template,
        error_template,
        has_error_item,
        first_error_id,
        first_error_message,
        first_activity_name,
        first_error_code,
        cast(occurrences as integer) as occurrences,
        cast(affected_jobs as integer) as affected_jobs,
        first_finished_at,
        last_finished_at,
        first_seen_at,
        last_seen_at,
        {{ job_insights.run_processed_at() }} as processed_at
    from (
        select * from counted
        {%- if is_incremental() %}
        union all
        select * from emptied
        {%- endif %}
    ) as rows_of_days

)

select * from final
