{#- The moment marts measure "now" against (error-group status windows): var `insights_as_of`
    (a timestamp literal, UTC) when set, else the current time in UTC, as a timestamp without
    time zone like the source timestamps. -#}
{% macro insights_as_of() -%}
    {%- set as_of = var('insights_as_of', none) -%}
    {%- if as_of -%}
        cast({{ job_insights.sql_string(as_of) }} as {{ dbt.type_timestamp() }})
    {%- else -%}
        {{ job_insights.utc_now() }}
    {%- endif -%}
{%- endmacro %}


{#- The current time in UTC as a timestamp without time zone. -#}
{% macro utc_now() -%}
    {{ return(adapter.dispatch('utc_now', 'job_insights')()) }}
{%- endmacro %}

{% macro default__utc_now() -%}
    cast(timezone('UTC', current_timestamp) as {{ dbt.type_timestamp() }})
{%- endmacro %}

{% macro postgres__utc_now() -%}
    cast((current_timestamp at time zone 'UTC') as {{ dbt.type_timestamp() }})
{%- endmacro %}
