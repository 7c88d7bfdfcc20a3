"""Answers of the LLM step on DuckDB: `dbt build` asks the model about new UNKNOWN groups.

Incremental on (fingerprint, model, prompt_version) and never emptied, not even by
--full-refresh. Settings: dbt vars llm_* (see dbt_project.yml) > LOCAL_LLM_* environment >
defaults; the library is python/job_insights/llm. On Postgres the SQL twin in llm/ takes its
place and `job-insights run` runs the step.
"""


def model(dbt, session):
    dbt.config(
        materialized="incremental",
        unique_key=["fingerprint", "model", "prompt_version"],
        full_refresh=False,
        on_schema_change="append_new_columns",
    )
    from job_insights.llm.warehouse import duckdb_model, settings_from_dbt_vars

    settings = settings_from_dbt_vars(
        {
            "llm_model": dbt.config.get("llm_model"),
            "llm_base_url": dbt.config.get("llm_base_url"),
            "llm_concurrency": dbt.config.get("llm_concurrency"),
            "llm_timeout": dbt.config.get("llm_timeout"),
            "llm_max_groups": dbt.config.get("llm_max_groups"),
            "llm_min_confidence": dbt.config.get("llm_min_confidence"),
            "llm_enabled": dbt.config.get("llm_enabled"),
            "llm_reclassify": dbt.config.get("llm_reclassify"),
        }
    )
    return duckdb_model(
        session,
        queue=dbt.ref("int_llm_queue"),
        examples=dbt.ref("int_corrected_error_groups"),
        categories=dbt.ref("error_categories"),
        this=dbt.this if dbt.is_incremental else None,
        settings=settings,
    )
