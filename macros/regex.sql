{#- Regex helpers. Patterns must stay in the subset that means the same on RE2 (DuckDB) and
    Postgres ARE: see docs/rules.md. -#}

{#- True when `expr` matches `pattern_sql` (a SQL expression, usually a quoted literal),
    ignoring case. -#}
{% macro regex_matches_ci(expr, pattern_sql) -%}
    {{ return(adapter.dispatch('regex_matches_ci', 'job_insights')(expr, pattern_sql)) }}
{%- endmacro %}

{% macro default__regex_matches_ci(expr, pattern_sql) -%}
    regexp_matches({{ expr }}, {{ pattern_sql }}, 'is')
{%- endmacro %}

{% macro postgres__regex_matches_ci(expr, pattern_sql) -%}
    ({{ expr }} ~* {{ pattern_sql }})
{%- endmacro %}


{#- Replace every match (case-insensitive). Same syntax on both engines; one place to change. -#}
{% macro regex_replace_all(expr, pattern, replacement) -%}
    regexp_replace(
        {{ expr }}, {{ job_insights.sql_string(pattern) }}, {{ job_insights.sql_string(replacement) }}, 'gi'
    )
{%- endmacro %}


{#- Character class of control characters other than tab, newline and carriage return.
    Postgres text cannot hold NUL, so its class starts at 0x01. -#}
{% macro control_character_class() -%}
    {{ return(adapter.dispatch('control_character_class', 'job_insights')()) }}
{%- endmacro %}

{% macro default__control_character_class() -%}
    [\x00-\x08\x0b\x0c\x0e-\x1f\x7f]
{%- endmacro %}

{% macro postgres__control_character_class() -%}
    [\x01-\x08\x0b\x0c\x0e-\x1f\x7f]
{%- endmacro %}


{#- True when `pattern_expr` is a regex the engine accepts; never raises. -#}
{% macro regex_is_valid(pattern_expr) -%}
    {{ return(adapter.dispatch('regex_is_valid', 'job_insights')(pattern_expr)) }}
{%- endmacro %}

{% macro default__regex_is_valid(pattern_expr) -%}
    (try(regexp_matches('', {{ pattern_expr }})) is not null)
{%- endmacro %}

{% macro postgres__regex_is_valid(pattern_expr) -%}
    {{ target.schema }}.job_insights_regex_is_valid({{ pattern_expr }})
{%- endmacro %}


{#- on-run-start: create the Postgres helper functions that the models above use. -#}
{% macro create_regex_validator() -%}
    {{ return(adapter.dispatch('create_regex_validator', 'job_insights')()) }}
{%- endmacro %}

{% macro default__create_regex_validator() -%}
    select 1
{%- endmacro %}

{% macro postgres__create_regex_validator() -%}
    create schema if not exists {{ target.schema }};
    create or replace function {{ target.schema }}.job_insights_regex_is_valid(pattern text)
    returns boolean language plpgsql immutable as $fn$
    begin
        perform '' ~ pattern;
        return true;
    exception when others then
        return false;
    end
    $fn$;
    create or replace function {{ target.schema }}.job_insights_try_jsonb(document text)
    returns jsonb language plpgsql immutable as $fn$
    begin
        return document::jsonb;
    exception when others then
        return null;
    end
    $fn$
{%- endmacro %}


{#- A string as a SQL string literal: quotes doubled, backslashes kept as they are (both
    engines use standard-conforming strings), so no value can end the literal early. -#}
{% macro sql_string(value) -%}
    '{{ value | replace("'", "''") }}'
{%- endmacro %}
