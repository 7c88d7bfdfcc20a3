{#- The compiled rule step (macros/classification_rules.sql) over every error rather than
    every error group: benchmarks/run_benchmarks.py times it to report the rule step's
    errors per second on Postgres. -#}
-- depends_on: {{ ref('classification_rules') }}
with

errors as (

    select
        error_id,
        exception_type,
        error_message,
        activity_name,
        coalesce(cast(error_code as {{ dbt.type_string() }}), error_code_raw) as error_code_text
    from {{ ref('int_job_errors_fingerprinted') }}

),

matches as (

    {{ job_insights.classify_with_rules('errors', 'error_id', {
        'exception': 'exception_type',
        'message': 'error_message',
        'activity': 'activity_name',
        'code': 'error_code_text',
    }) }}

)

select * from matches
