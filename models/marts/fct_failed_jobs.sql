{#- One row per failed job: where and when it failed, how many errors, its root error and the
    categories it shows.

    Root error: the job's first error (lowest error_index), unless a human corrected another
    of its errors: then the first error with an error-level correction, else the first error
    whose group has a group-level correction. A correction is a person saying what this error
    is, so it outranks position. primary_category is the root error's category.

    Incremental, job by job (delete+insert on job_id): a run rewrites the jobs of which
    fct_job_errors wrote rows since this model's last run (new and late jobs, jobs in the
    lookback window, relabelled errors, renamed pipelines: see fct_job_errors), plus the jobs
    whose root an error-level correction may move (a corrected error now, or a root that is
    not the first error). -#}
{{ config(
    materialized='incremental',
    unique_key='job_id',
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    post_hook="{{ job_insights.delete_jobs_no_longer_failed() }}",
) }}

with

all_errors as {{ job_insights.inline_cte() }} (

    select * from {{ ref('fct_job_errors') }}

),

error_level_corrections as (

    select target_id as error_id
    from {{ ref('int_error_corrections') }}
    where target_kind = 'error_id'

),

{%- if is_incremental() %}

batch_jobs as (

    select job_id from all_errors
    where {{ job_insights.processed_since_last_run('all_errors') }}
    union
    select all_errors.job_id
    from all_errors
    inner join error_level_corrections
        on all_errors.error_id = error_level_corrections.error_id
    union
    select job_id from {{ this }}
    where primary_classified_by = 'correction' and root_error_index <> 0

),

{%- endif %}

jobs as (

    select * from {{ ref('stg_workflow_manager__job_executions') }}
    where is_failed
    {%- if is_incremental() %}
        and job_id in (select job_id from batch_jobs)
    {%- endif %}

),

pipelines as (

    select * from {{ ref('stg_workflow_manager__pipelines') }}

),

-- Only the narrow columns: the model reads them three times.
errors as (

    select
        job_id,
        error_id,
        error_index,
        category,
        classified_by,
        error_message is not null or exception_type is not null as has_error_text
    from all_errors
    {%- if is_incremental() %}
    where job_id in (select job_id from batch_jobs)
    {%- endif %}

),

-- The root is the error with the lowest (rank, error_index), rank 0 for an error-level
-- correction, 1 for a group correction, 2 otherwise: an aggregate per job and category, not
-- a window over all errors, then one join back for the root's columns.
ranked_errors as (

    select
        errors.*,
        cast(
            case
                when error_level_corrections.error_id is not null then 0
                when errors.classified_by = 'correction' then 1
                else 2
            end as {{ dbt.type_bigint() }}
        ) * 1000000000 + errors.error_index as root_key
    from errors
    left join error_level_corrections
        on errors.error_id = error_level_corrections.error_id

),

job_categories as (

    select
        job_id,
        category,
        count(case when has_error_text then 1 end) as error_count,
        min(root_key) as root_key
    from ranked_errors
    group by job_id, category

),

category_sets as (

    select
        job_id,
        {{ job_insights.sorted_string_agg('category', "','") }} as categories,
        count(*) as category_count,
        max(case when category = 'INPUT_DATA_QUALITY' then 1 else 0 end)
            as has_input_data_quality,
        max(case when category = 'WORKFLOW_ENGINE' then 1 else 0 end) as has_workflow_engine,
        max(case when category = 'THIRD_PARTY_SYSTEM' then 1 else 0 end)
            as has_third_party_system,
        max(case when category = 'UNKNOWN' then 1 else 0 end) as has_unknown,
        sum(error_count) as error_count,
        min(root_key) as root_key
    from job_categories
    group by job_id

),

root_errors as (

    select
        ranked_errors.job_id,
        ranked_errors.error_id,
        ranked_errors.error_index,
        ranked_errors.category,
        ranked_errors.classified_by
    from ranked_errors
    inner join category_sets
        on ranked_errors.job_id = category_sets.job_id
        and ranked_errors.root_key = category_sets.root_key

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
        cast(coalesce(category_sets.error_count, 0) as integer) as error_count,
        cast(coalesce(root_errors.category, 'UNKNOWN') as varchar(40)) as primary_category,
        cast(root_errors.classified_by as varchar(20)) as primary_classified_by,
        cast(root_errors.error_id as varchar(64)) as root_error_id,
        cast(root_errors.error_index as integer) as root_error_index,
        cast(coalesce(category_sets.categories, 'UNKNOWN') as varchar(200)) as categories,
        cast(coalesce(category_sets.category_count, 1) as integer) as category_count,
        cast(coalesce(category_sets.has_input_data_quality, 0) = 1 as boolean)
            as has_input_data_quality,
        cast(coalesce(category_sets.has_workflow_engine, 0) = 1 as boolean)
            as has_workflow_engine,
        cast(coalesce(category_sets.has_third_party_system, 0) = 1 as boolean)
            as has_third_party_system,
        cast(coalesce(category_sets.has_unknown, 1) = 1 as boolean) as has_unknown,
        {{ job_insights.run_processed_at() }} as processed_at
    from jobs
    left join pipelines on jobs.pipeline_id = pipelines.pipeline_id
    left join root_errors on jobs.job_id = root_errors.job_id
    left join category_sets on jobs.job_id = category_sets.job_id

)

select * from final
