{#- JSON helpers. DuckDB (default__) and Postgres (postgres__) name JSON functions differently. -#}

{% macro parse_json_document(column_expr, is_text=false) -%}
    {{ return(adapter.dispatch('parse_json_document', 'job_insights')(column_expr, is_text)) }}
{%- endmacro %}

{% macro default__parse_json_document(column_expr, is_text) -%}
    case
        when json_valid(cast({{ column_expr }} as varchar))
            then cast(cast({{ column_expr }} as varchar) as json)
    end
{%- endmacro %}

{% macro postgres__parse_json_document(column_expr, is_text) -%}
    {%- if is_text -%}
        {{ target.schema }}.job_insights_try_jsonb(cast({{ column_expr }} as text))
    {%- else -%}
        cast({{ column_expr }} as jsonb)
    {%- endif -%}
{%- endmacro %}


{#- The JSON type of a value, as one of: object, array, string, number, boolean, null
    (SQL null when the value itself is SQL null). -#}
{% macro json_kind(json_expr) -%}
    {{ return(adapter.dispatch('json_kind', 'job_insights')(json_expr)) }}
{%- endmacro %}

{% macro default__json_kind(json_expr) -%}
    case json_type({{ json_expr }})
        when 'OBJECT' then 'object'
        when 'ARRAY' then 'array'
        when 'VARCHAR' then 'string'
        when 'BOOLEAN' then 'boolean'
        when 'NULL' then 'null'
        when 'BIGINT' then 'number'
        when 'UBIGINT' then 'number'
        when 'DOUBLE' then 'number'
        when 'HUGEINT' then 'number'
    end
{%- endmacro %}

{% macro postgres__json_kind(json_expr) -%}
    jsonb_typeof({{ json_expr }})
{%- endmacro %}


{#- A one-element JSON array holding the value. -#}
{% macro json_wrap_in_array(json_expr) -%}
    {{ return(adapter.dispatch('json_wrap_in_array', 'job_insights')(json_expr)) }}
{%- endmacro %}

{% macro default__json_wrap_in_array(json_expr) -%}
    json_array({{ json_expr }})
{%- endmacro %}

{% macro postgres__json_wrap_in_array(json_expr) -%}
    jsonb_build_array({{ json_expr }})
{%- endmacro %}


{#- JSON value as text: strings unquoted, everything else as JSON text. -#}
{% macro json_as_text(json_expr) -%}
    {{ return(adapter.dispatch('json_as_text', 'job_insights')(json_expr)) }}
{%- endmacro %}

{% macro default__json_as_text(json_expr) -%}
    case
        when json_type({{ json_expr }}) = 'VARCHAR' then ({{ json_expr }}) ->> '$'
        when json_type({{ json_expr }}) = 'NULL' then null
        else cast({{ json_expr }} as varchar)
    end
{%- endmacro %}

{% macro postgres__json_as_text(json_expr) -%}
    case
        when jsonb_typeof({{ json_expr }}) = 'string' then ({{ json_expr }}) #>> '{}'
        when jsonb_typeof({{ json_expr }}) = 'null' then null
        else cast({{ json_expr }} as text)
    end
{%- endmacro %}


{#- Select every column of `relation_name` plus `item` (each element of the JSON array in
    `array_column`) and `item_number` (its 1-based position). -#}
{% macro unnest_json_array(relation_name, array_column) -%}
    {{ return(adapter.dispatch('unnest_json_array', 'job_insights')(relation_name, array_column)) }}
{%- endmacro %}

{% macro default__unnest_json_array(relation_name, array_column) -%}
    select
        *,
        unnest(cast({{ array_column }} as json[])) as item,
        generate_subscripts(cast({{ array_column }} as json[]), 1) as item_number
    from {{ relation_name }}
{%- endmacro %}

{% macro postgres__unnest_json_array(relation_name, array_column) -%}
    select
        {{ relation_name }}.*,
        elements.item,
        cast(elements.item_number as integer) as item_number
    from {{ relation_name }}
    cross join lateral jsonb_array_elements({{ array_column }})
        with ordinality as elements (item, item_number)
{%- endmacro %}
