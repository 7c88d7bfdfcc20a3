{#- Answers of the LLM step, one row per (fingerprint, model, prompt_version). The LLM step
    (python/job_insights/llm) inserts into this table; dbt only creates it and never empties it,
    not even on --full-refresh. On DuckDB the Python model of the same name in models/intermediate/
    takes its place (dbt-postgres cannot run Python models). -#}
{{ config(
    enabled=(target.type != 'duckdb'),
    materialized='incremental',
    unique_key=['fingerprint', 'model', 'prompt_version'],
    full_refresh=false,
    on_schema_change='append_new_columns',
) }}

select
    cast(null as {{ dbt.type_string() }}) as fingerprint,
    cast(null as {{ dbt.type_string() }}) as category,
    cast(null as double precision) as confidence,
    cast(null as {{ dbt.type_string() }}) as reasoning,
    cast(null as {{ dbt.type_string() }}) as model,
    cast(null as {{ dbt.type_string() }}) as prompt_version,
    cast(null as integer) as prompt_tokens,
    cast(null as integer) as completion_tokens,
    cast(null as integer) as latency_ms,
    cast(null as {{ dbt.type_timestamp() }}) as classified_at
where 1 = 0
