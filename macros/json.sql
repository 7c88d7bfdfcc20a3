{#- JSON helpers. DuckDB (default__) and Postgres (postgres__) name JSON functions differently. -#}

{% macro parse_json_document(column_expr, is_text=false) -%}
    {{ return(adapter.dispatch('parse_json_document', 'job_insights')(column_expr, is_text)) }}
{%- endmacro %}

{% macro default__parse_json_document(column_expr, is_text) -%}
    try_cast(cast({{ column_expr }} as varchar) as json)
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
    {{ job_insights.json_type_as_kind('json_type(' ~ json_expr ~ ')') }}
{%- endmacro %}

{#- DuckDB's json_type names as json_kind names. -#}
{% macro json_type_as_kind(type_expr) -%}
    case {{ type_expr }}
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

{#- A simple case: the type is read once. -#}
{% macro default__json_as_text(json_expr) -%}
    case json_type({{ json_expr }})
        when 'VARCHAR' then ({{ json_expr }}) ->> '$'
        when 'NULL' then null
        else cast({{ json_expr }} as varchar)
    end
{%- endmacro %}

{% macro postgres__json_as_text(json_expr) -%}
    case jsonb_typeof({{ json_expr }})
        when 'string' then ({{ json_expr }}) #>> '{}'
        when 'null' then null
        else cast({{ json_expr }} as text)
    end
{%- endmacro %}


{#- Several values of one JSON document in one parse: an array (1-based) holding, for each
    path of `paths` (JSONPath strings such as '$.run_info.errors'; '$' is the document), the
    JSON value there, SQL null where the path is absent. -#}
{% macro json_path_values(json_expr, paths) -%}
    {{ return(adapter.dispatch('json_path_values', 'job_insights')(json_expr, paths)) }}
{%- endmacro %}

{% macro default__json_path_values(json_expr, paths) -%}
    json_extract({{ json_expr }}, [{% for path in paths %}'{{ path }}'{{ ', ' if not loop.last }}{% endfor %}])
{%- endmacro %}

{% macro postgres__json_path_values(json_expr, paths) -%}
    array[{% for path in paths -%}
        ({{ json_expr }}) #> '{{ job_insights.json_path_as_pg_array(path) }}'{{ ', ' if not loop.last }}
    {%- endfor %}]
{%- endmacro %}


{#- The kinds (see json_kind) of several values of one JSON document in one parse: an array
    (1-based) with one kind per path of `paths`, SQL null where the path is absent. -#}
{% macro json_path_kinds(json_expr, paths) -%}
    {{ return(adapter.dispatch('json_path_kinds', 'job_insights')(json_expr, paths)) }}
{%- endmacro %}

{% macro default__json_path_kinds(json_expr, paths) -%}
    list_transform(
        json_type({{ json_expr }}, [{% for path in paths %}'{{ path }}'{{ ', ' if not loop.last }}{% endfor %}]),
        lambda raw_type: {{ job_insights.json_type_as_kind('raw_type') }}
    )
{%- endmacro %}

{% macro postgres__json_path_kinds(json_expr, paths) -%}
    array[{% for path in paths -%}
        jsonb_typeof(({{ json_expr }}) #> '{{ job_insights.json_path_as_pg_array(path) }}'){{ ', ' if not loop.last }}
    {%- endfor %}]
{%- endmacro %}


{#- '$.run_info.errors' as the Postgres path array literal '{run_info,errors}'. -#}
{% macro json_path_as_pg_array(path) -%}
    {%- set keys = path.split('.')[1:] -%}
    {{ '{' ~ keys | join(',') ~ '}' }}
{%- endmacro %}


{#- Select every column of `relation_name` plus `item` (each element of the JSON array in
    `array_column`) and `item_number` (its 1-based position). -#}
{% macro unnest_json_array(relation_name, array_column) -%}
    {{ return(adapter.dispatch('unnest_json_array', 'job_insights')(relation_name, array_column)) }}
{%- endmacro %}

{% macro default__unnest_json_array(relation_name, array_column) -%}
    {#- The array is parsed into a list once, for both the items and their positions. -#}
    select
        * exclude (item_list),
        unnest(item_list) as item,
        generate_subscripts(item_list, 1) as item_number
    from (
        select *, cast({{ array_column }} as json[]) as item_list
        from {{ relation_name }}
    ) as listed
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


{#- A JSON value written as JSON text, e.g. json_literal('[null]'). -#}
{% macro json_literal(json_text) -%}
    {{ return(adapter.dispatch('json_literal', 'job_insights')(json_text)) }}
{%- endmacro %}

{% macro default__json_literal(json_text) -%}
    cast({{ job_insights.sql_string(json_text) }} as json)
{%- endmacro %}

{% macro postgres__json_literal(json_text) -%}
    cast({{ job_insights.sql_string(json_text) }} as jsonb)
{%- endmacro %}


{#- True when the JSON array `json_expr` (as returned by json_path_values) has no element. -#}
{% macro json_array_is_empty(json_expr) -%}
    {{ return(adapter.dispatch('json_array_is_empty', 'job_insights')(json_expr)) }}
{%- endmacro %}

{% macro default__json_array_is_empty(json_expr) -%}
    (cast({{ json_expr }} as varchar) = '[]')
{%- endmacro %}

{% macro postgres__json_array_is_empty(json_expr) -%}
    (jsonb_array_length({{ json_expr }}) = 0)
{%- endmacro %}


{#- `materialized` where a CTE used twice would otherwise be computed twice (DuckDB inlines
    CTEs; Postgres materializes one used twice by itself). -#}
{% macro materialized_cte() -%}
    {{ return(adapter.dispatch('materialized_cte', 'job_insights')()) }}
{%- endmacro %}

{% macro default__materialized_cte() -%}
{%- endmacro %}

{% macro duckdb__materialized_cte() -%}
    materialized
{%- endmacro %}


{#- `not materialized` for an import CTE over a large relation that a model reads more than
    once: DuckDB and Postgres would otherwise copy all its rows before the filters apply.
    Engines without the keyword (default__) inline CTEs anyway. -#}
{% macro inline_cte() -%}
    {{ return(adapter.dispatch('inline_cte', 'job_insights')()) }}
{%- endmacro %}

{% macro default__inline_cte() -%}
{%- endmacro %}

{% macro duckdb__inline_cte() -%}
    not materialized
{%- endmacro %}

{% macro postgres__inline_cte() -%}
    not materialized
{%- endmacro %}


{#- The values of `expr` in a group, sorted and joined with `delimiter` (a SQL string). dbt's
    listagg by default; on DuckDB a list sorted once, several times faster than string_agg
    with an order (which sorts per group). -#}
{% macro sorted_string_agg(expr, delimiter) -%}
    {{ return(adapter.dispatch('sorted_string_agg', 'job_insights')(expr, delimiter)) }}
{%- endmacro %}

{% macro default__sorted_string_agg(expr, delimiter) -%}
    {{ dbt.listagg(expr, delimiter, 'order by ' ~ expr) }}
{%- endmacro %}

{% macro duckdb__sorted_string_agg(expr, delimiter) -%}
    array_to_string(list_sort(list({{ expr }})), {{ delimiter }})
{%- endmacro %}
