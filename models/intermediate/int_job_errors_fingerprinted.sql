{#- Every error row with its job context, template and fingerprint. Incremental: a run unnests
    and masks only the failed jobs that are new or within the lookback window (see
    macros/incremental.sql); classification joins in downstream (int_error_groups_classified,
    fct_job_errors), so new rules and corrections reach old rows without re-running this.
    A job is the unit of work: its rows are deleted and inserted together (unique_key job_id;
    error_id stays unique), so that an error list that shrank leaves no stale row.
    Templates are computed once per distinct message and activity name of the batch
    (job_error_ctes).
    processed_at marks the rows each run wrote: the incremental models downstream read those. -#}
{{ config(
    materialized='incremental',
    unique_key='job_id',
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    pre_hook="{{ job_insights.disable_jit() }}",
    post_hook="{{ job_insights.delete_jobs_no_longer_failed() }}",
) }}
{%- set jobs_relation = ref('stg_workflow_manager__job_executions') -%}

with

jobs as (

    select * from {{ jobs_relation }} as jobs
    where is_failed
    {%- if is_incremental() %}
        and {{ job_insights.incremental_window('jobs', 'job_id', 'finished_at') }}
    {%- endif %}

),

{{ job_insights.job_error_ctes(
    'jobs',
    job_insights.column_is_text(jobs_relation, 'run_data'),
    carry_columns=['pipeline_id', 'tenant_id', 'started_at', 'finished_at'],
    with_templates=true,
) }},

templated as (

    select
        *,
        case
            when has_error_item then message_template
            else '[no error item: ' || parse_problems || ']'
        end as error_template
    from job_errors

),

fingerprinted as (

    select
        templated.error_id,
        templated.job_id,
        templated.error_index,
        templated.pipeline_id,
        templated.tenant_id,
        templated.finished_at,
        templated.started_at,
        templated.has_error_item,
        templated.activity_name,
        templated.activity_template,
        templated.error_code,
        templated.error_code_raw,
        templated.error_message,
        templated.exception_type,
        templated.details_json,
        templated.parse_problems,
        templated.error_template,
        {{ job_insights.error_fingerprint(
            'templated.exception_type', 'templated.activity_template', 'templated.error_template'
        ) }} as fingerprint
    from templated

),
{%- if is_incremental() %}

-- A job processed again whose rows come out as stored (jobs without a finish time come back
-- on every run) is left alone, with its processed_at, so that the models downstream skip it.
{{ job_insights.unchanged_jobs_ctes('fingerprinted', [
    'job_id', 'error_index', 'pipeline_id', 'tenant_id', 'finished_at', 'started_at',
    'has_error_item', 'activity_name', 'activity_template', 'error_code', 'error_code_raw',
    'error_message', 'exception_type', 'details_json', 'parse_problems', 'error_template',
    'fingerprint',
]) }},
{%- endif %}

final as (

    {{ job_insights.select_changed_jobs('fingerprinted') }}

)

select * from final
