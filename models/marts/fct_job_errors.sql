{#- One row per error of a failed job (and one per failed job whose data holds no error item),
    classified: error correction > group correction > LLM > rule > UNKNOWN.

    Incremental, job by job (delete+insert on job_id; error_id stays unique). A run rewrites
    the jobs that int_job_errors_fingerprinted wrote since this model's last run (new jobs and
    those in the lookback window, macros/incremental.sql; marked by processed_at), and the jobs
    with an error whose stored label is no longer what the classification says now: its
    group's label changed (new rule, correction, LLM answer), its own correction was added,
    changed or removed, or its pipeline was renamed. The comparison reads only the label
    columns of {{ this }}, grouped per fingerprint, so a run without such changes costs one
    aggregation, and a change rewrites only the jobs it concerns. A job that comes out as
    stored is left alone, so processed_at marks the jobs whose rows a run changed, and the
    incremental marts downstream read only those. -#}
{{ config(
    materialized='incremental',
    unique_key='job_id',
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    post_hook="{{ job_insights.delete_jobs_no_longer_failed() }}",
) }}
-- depends_on: {{ ref('stg_workflow_manager__job_executions') }} (its post-hook)

with

all_errors as {{ job_insights.inline_cte() }} (

    select * from {{ ref('int_job_errors_fingerprinted') }}

),

pipelines as (

    select
        pipeline_id,
        cast(pipeline_name as {{ dbt.type_string() }}) as pipeline_name,
        tenant_id
    from {{ ref('stg_workflow_manager__pipelines') }}

),

group_labels as (

    select
        fingerprint,
        cast(category as varchar(40)) as category,
        cast(classified_by as varchar(20)) as classified_by,
        cast(rule_id as varchar(100)) as rule_id,
        cast(confidence as double precision) as confidence,
        cast(reasoning as {{ dbt.type_string() }}) as reasoning
    from {{ ref('int_error_groups_classified') }}

),

error_labels as (

    select
        target_id as error_id,
        cast(category as varchar(40)) as category,
        cast('correction' as varchar(20)) as classified_by,
        cast(null as varchar(100)) as rule_id,
        cast(1.0 as double precision) as confidence,
        cast(
            coalesce(note, 'Corrected by ' || corrected_by) as {{ dbt.type_string() }}
        ) as reasoning
    from {{ ref('int_error_corrections') }}
    where target_kind = 'error_id'

),

{%- if is_incremental() %}

stored_group_labels as (

    select distinct
        stored.fingerprint,
        stored.category,
        stored.classified_by,
        stored.rule_id,
        stored.confidence,
        stored.reasoning
    from {{ this }} as stored
    where not exists (
        select 1 from error_labels where error_labels.error_id = stored.error_id
    )

),

relabelled_groups as (

    select distinct stored.fingerprint
    from stored_group_labels as stored
    left join group_labels as current_labels
        on stored.fingerprint = current_labels.fingerprint
    where {{ job_insights.labels_differ('stored', 'current_labels') }}

),

relabelled_errors as (

    select stored.error_id
    from {{ this }} as stored
    inner join error_labels as current_labels on stored.error_id = current_labels.error_id
    where {{ job_insights.labels_differ('stored', 'current_labels') }}

),

renamed_pipelines as (

    select stored.pipeline_id
    from (
        select distinct pipeline_id, pipeline_name from {{ this }}
    ) as stored
    left join pipelines on stored.pipeline_id = pipelines.pipeline_id
    where stored.pipeline_name is distinct from pipelines.pipeline_name

),

batch_jobs as (

    select job_id from all_errors
    where {{ job_insights.processed_since_last_run('all_errors') }}
    union
    select job_id from all_errors
    where fingerprint in (select fingerprint from relabelled_groups)
        or error_id in (select error_id from relabelled_errors)
        or pipeline_id in (select pipeline_id from renamed_pipelines)

),

{%- endif %}

errors as (

    select * from all_errors
    {%- if is_incremental() %}
    where job_id in (select job_id from batch_jobs)
    {%- endif %}

),

classified as (

    select
        cast(errors.error_id as varchar(64)) as error_id,
        cast(errors.job_id as {{ dbt.type_string() }}) as job_id,
        cast(errors.error_index as integer) as error_index,
        cast(errors.pipeline_id as {{ dbt.type_string() }}) as pipeline_id,
        pipelines.pipeline_name,
        cast(coalesce(errors.tenant_id, pipelines.tenant_id) as {{ dbt.type_string() }})
            as tenant_id,
        cast(errors.finished_at as {{ dbt.type_timestamp() }}) as finished_at,
        cast(errors.activity_name as {{ dbt.type_string() }}) as activity_name,
        cast(errors.error_code as integer) as error_code,
        cast(errors.error_message as {{ dbt.type_string() }}) as error_message,
        cast(errors.exception_type as {{ dbt.type_string() }}) as exception_type,
        cast(errors.fingerprint as varchar(64)) as fingerprint,
        coalesce(error_labels.category, group_labels.category) as category,
        coalesce(error_labels.classified_by, group_labels.classified_by) as classified_by,
        case
            when error_labels.error_id is null then group_labels.rule_id
        end as rule_id,
        case
            when error_labels.error_id is null then group_labels.confidence
            else error_labels.confidence
        end as confidence,
        case
            when error_labels.error_id is null then group_labels.reasoning
            else error_labels.reasoning
        end as reasoning
    from errors
    left join pipelines on errors.pipeline_id = pipelines.pipeline_id
    left join group_labels on errors.fingerprint = group_labels.fingerprint
    left join error_labels on errors.error_id = error_labels.error_id

),
{%- set columns = [
    'job_id', 'error_index', 'pipeline_id', 'pipeline_name', 'tenant_id', 'finished_at',
    'activity_name', 'error_code', 'error_message', 'exception_type', 'fingerprint', 'category',
    'classified_by', 'rule_id', 'confidence', 'reasoning',
] %}

{%- if is_incremental() %}

-- A job whose rows come out exactly as stored is left alone, with its processed_at.
{{ job_insights.unchanged_jobs_ctes('classified', columns) }},

{%- endif %}

final as (

    {{ job_insights.select_changed_jobs('classified') }}

)

select * from final
