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
        or not exists (
            select 1
            from {{ this }} as processed
            where processed.{{ key_column }} = {{ alias }}.{{ key_column }}
        )
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
    (measured: 5 s of 16 s on 100k errors). `set local` lasts for the model's transaction. -#}
{% macro disable_jit() -%}
    {{ return(adapter.dispatch('disable_jit', 'job_insights')()) }}
{%- endmacro %}

{% macro default__disable_jit() -%}
    select 1
{%- endmacro %}

{% macro postgres__disable_jit() -%}
    set local jit = off
{%- endmacro %}
