{#- Which rows an incremental run processes again.

    incremental_window(alias, key_column, time_column): true for a row of `alias` that is not
    yet in {{ this }} (matched on key_column: new rows, however late they arrive), whose
    time_column is null (jobs without a recorded finish, still open to change), or whose
    time_column lies within var('incremental_lookback_hours') of the newest time_column in
    {{ this }} (rows still being updated in the source). -#}
{% macro incremental_window(alias, key_column, time_column) -%}
    (
        {{ alias }}.{{ time_column }} is null
        or {{ alias }}.{{ time_column }} >= (
            select {{ dbt.dateadd(
                'hour', -1 * var('incremental_lookback_hours'), 'max(' ~ time_column ~ ')'
            ) }}
            from {{ this }}
        )
        or {{ job_insights.not_stored(alias ~ '.' ~ key_column, key_column) }}
    )
{%- endmacro %}


{#- True when no row of {{ this }} has `key_column` equal to `expr` (never null). NOT EXISTS
    by default: Postgres hashes it as an anti-join (NOT IN would not fit its work_mem). DuckDB
    turns the correlated form into a null-safe mark join over a grouped copy of the keys,
    three times slower than the plain anti-join it makes of NOT IN. -#}
{% macro not_stored(expr, key_column) -%}
    {{ return(adapter.dispatch('not_stored', 'job_insights')(expr, key_column)) }}
{%- endmacro %}

{% macro default__not_stored(expr, key_column) -%}
    not exists (
        select 1
        from {{ this }} as processed
        where processed.{{ key_column }} = {{ expr }}
    )
{%- endmacro %}

{% macro duckdb__not_stored(expr, key_column) -%}
    {{ expr }} not in (
        select processed.{{ key_column }}
        from {{ this }} as processed
        where processed.{{ key_column }} is not null
    )
{%- endmacro %}


{#- True when the labels (category, classified_by, rule_id, confidence, reasoning) of the rows
    aliased `stored` and `current_labels` differ; null-safe. -#}
{% macro labels_differ(stored, current_labels) -%}
    (
        {%- for column in ['category', 'classified_by', 'rule_id', 'confidence', 'reasoning'] %}
        {{ stored }}.{{ column }} is distinct from {{ current_labels }}.{{ column }}
        {%- if not loop.last %} or{% endif %}
        {%- endfor %}
    )
{%- endmacro %}


{#- Pre-hook for heavy models: Postgres misestimates the rows of JSON unnests by orders of
    magnitude and then spends longer compiling the statement with JIT than running it
    (measured: 5 s of 16 s on 100k errors). The rule step's CASE over every rule is the same:
    JIT spent 3.6 s of 15 s compiling it over 400k errors, and int_error_groups_rule_matches
    took 6.5-7.1 s with JIT against 2.4 s without. `set local` lasts for the model's
    transaction. -#}
{% macro disable_jit() -%}
    {{ return(adapter.dispatch('disable_jit', 'job_insights')()) }}
{%- endmacro %}

{% macro default__disable_jit() -%}
    select 1
{%- endmacro %}

{% macro postgres__disable_jit() -%}
    set local jit = off
{%- endmacro %}


{#- When this dbt invocation writes a row: its start time (UTC), the same for every model of
    the run. Stored as `processed_at` by the incremental models whose rows others read
    incrementally. -#}
{% macro run_processed_at() -%}
    cast('{{ run_started_at.strftime("%Y-%m-%d %H:%M:%S.%f") }}' as {{ dbt.type_timestamp() }})
{%- endmacro %}


{#- True when {{ this }} has every one of `columns` (lower-case names): a table stored before
    a column existed is read differently until a run adds it (on_schema_change). -#}
{% macro stored_columns_include(columns) -%}
    {%- set stored = adapter.get_columns_in_relation(this)
        | map(attribute='name') | map('lower') | list -%}
    {{ return(columns | reject('in', stored) | list | length == 0) }}
{%- endmacro %}


{#- True for a row of `alias` (an upstream relation with processed_at) written after the newest
    row of {{ this }}: what an incremental run of a downstream model has not read yet. A model
    whose last run failed keeps its older mark and so reads the missed rows next time; one
    stored before the column existed reads everything once. -#}
{% macro processed_since_last_run(alias) -%}
    {%- if job_insights.stored_columns_include(['processed_at']) -%}
    {{ alias }}.processed_at > (
        select coalesce(
            max(stored.processed_at), cast('1900-01-01' as {{ dbt.type_timestamp() }})
        )
        from {{ this }} as stored
    )
    {%- else -%}
    {#- Stored before marks existed: everything is new to it. -#}
    1 = 1
    {%- endif -%}
{%- endmacro %}


{#- Incremental strategy `null_safe_delete_insert`: delete+insert on one unique_key column whose
    value may be null (the null day of the daily marts): rows of {{ this }} whose key is in the
    batch are deleted, a null key included, then the batch is inserted. Plain delete+insert
    compares with `in`, which never matches null. -#}
{% macro get_incremental_null_safe_delete_insert_sql(arg_dict) -%}
    {%- set target = arg_dict['target_relation'] -%}
    {%- set source = arg_dict['temp_relation'] -%}
    {%- set key = arg_dict['unique_key'] -%}
    {%- set columns = get_quoted_csv(arg_dict['dest_columns'] | map(attribute='name')) -%}
    delete from {{ target }}
    where {{ key }} in (select {{ key }} from {{ source }} where {{ key }} is not null)
        or ({{ key }} is null and exists (select 1 from {{ source }} where {{ key }} is null));

    insert into {{ target }} ({{ columns }})
    select {{ columns }} from {{ source }}
{%- endmacro %}


{#- Post-hook of the models keyed by job_id: drops the jobs that are no longer failed in the
    source (a failed job marked a success after all, its status cleared). An incremental run
    selects failed jobs only, so nothing else would remove their rows. -#}
{% macro delete_jobs_no_longer_failed() -%}
    delete from {{ this }}
    where job_id in (
        select job_id from {{ ref('stg_workflow_manager__job_executions') }}
        where not coalesce(is_failed, false)
    )
{%- endmacro %}


{#- Post-hook of the daily marts that have rows for every day with jobs: drops the days that no
    longer have a job (their last job moved to another day). A run recomputes such a day, but
    delete+insert deletes only the days the batch has rows for. -#}
{% macro delete_days_without_jobs() -%}
    {%- set days_with_jobs -%}
        (
            select day from {{ ref('int_jobs_counted_daily') }} where all_jobs > 0
        ) as days_with_jobs
    {%- endset -%}
    delete from {{ this }}
    where not coalesce({{ job_insights.in_null_safe('day', days_with_jobs, 'day') }}, false)
{%- endmacro %}


{#- True when `expr` is one of the values of `column` in `relation`, null included (a null
    `expr` is in when the column holds a null). Semi-joins on the column, so it stays hashable
    on Postgres, unlike `is not distinct from`. -#}
{% macro in_null_safe(expr, relation, column) -%}
    (
        {{ expr }} in (select {{ column }} from {{ relation }} where {{ column }} is not null)
        or (
            {{ expr }} is null
            and exists (select 1 from {{ relation }} where {{ column }} is null)
        )
    )
{%- endmacro %}


{#- Join condition: `left` equals `right`, two nulls included. Two equalities (values with
    nulls as `sentinel`, and nullness) rather than `is not distinct from`, so that Postgres can
    hash or merge join on them. `sentinel` is any value of the column's type. -#}
{% macro equal_null_safe(left, right, sentinel="''") -%}
    (
        coalesce({{ left }}, {{ sentinel }}) = coalesce({{ right }}, {{ sentinel }})
        and ({{ left }} is null) = ({{ right }} is null)
    )
{%- endmacro %}


{#- CTEs for an incremental model rewritten job by job: `unchanged_jobs` (job_id) lists the jobs
    of `rows_cte` whose rows come out exactly as stored in {{ this }} (same rows, same
    `columns`, null-safe), so that the run leaves them as they are: they keep their
    processed_at, and the incremental models downstream skip them. The unnest processes every
    job without a finish time again on every run; this keeps that from reaching the marts, and
    from rewriting rows. Place after the CTE named `rows_cte` (job_id, error_id and `columns`),
    inside `with`. -#}
{% macro unchanged_jobs_ctes(rows_cte, columns) -%}
{%- if not job_insights.stored_columns_include(columns + ['processed_at']) -%}
{#- Stored before these columns existed: every job counts as changed, once. -#}
unchanged_jobs as (

    select cast(null as {{ dbt.type_string() }}) as job_id
    from {{ this }}
    where 1 = 0

)
{%- else -%}
stored_rows as (

    select * from {{ this }}
    where job_id in (select job_id from {{ rows_cte }})

),

stored_jobs as (

    select job_id, count(*) as stored_rows
    from stored_rows
    group by job_id

),

compared_jobs as (

    select
        current_rows.job_id,
        count(*) as current_rows,
        sum(
            case
                when stored.error_id is not null
                    {%- for column in columns %}
                    and current_rows.{{ column }} is not distinct from stored.{{ column }}
                    {%- endfor %}
                    then 1
                else 0
            end
        ) as unchanged_rows
    from {{ rows_cte }} as current_rows
    left join stored_rows as stored on current_rows.error_id = stored.error_id
    group by current_rows.job_id

),

unchanged_jobs as (

    select compared_jobs.job_id
    from compared_jobs
    inner join stored_jobs on compared_jobs.job_id = stored_jobs.job_id
    where compared_jobs.unchanged_rows = compared_jobs.current_rows
        and stored_jobs.stored_rows = compared_jobs.current_rows

)
{%- endif -%}
{%- endmacro %}


{#- Select the rows of `rows_cte` to write, with this run's processed_at: on incremental runs
    those of the jobs that unchanged_jobs_ctes did not find unchanged (delete+insert on job_id
    then leaves the unchanged jobs' stored rows alone). -#}
{% macro select_changed_jobs(rows_cte) -%}
    select
        {{ rows_cte }}.*,
        {{ job_insights.run_processed_at() }} as processed_at
    from {{ rows_cte }}
    {%- if is_incremental() %}
    left join unchanged_jobs on {{ rows_cte }}.job_id = unchanged_jobs.job_id
    where unchanged_jobs.job_id is null
    {%- endif %}
{%- endmacro %}
