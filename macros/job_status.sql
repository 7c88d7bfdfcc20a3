{#- Normalised job status: upper case, synonyms folded into FAILURE / SUCCESS. -#}
{% macro normalize_job_status(status_expr) -%}
    case
        when upper(trim(cast({{ status_expr }} as {{ dbt.type_string() }})))
            in ('FAILURE', 'FAILED', 'ERROR') then 'FAILURE'
        when upper(trim(cast({{ status_expr }} as {{ dbt.type_string() }})))
            in ('SUCCESS', 'SUCCEEDED', 'COMPLETED') then 'SUCCESS'
        else upper(trim(cast({{ status_expr }} as {{ dbt.type_string() }})))
    end
{%- endmacro %}


{#- True when the source column `column_name` of `relation` is stored as text, not JSON. -#}
{% macro column_is_text(relation, column_name) -%}
    {%- if not execute -%}
        {{ return(false) }}
    {%- endif -%}
    {%- for column in adapter.get_columns_in_relation(relation) -%}
        {%- if column.name | lower == column_name -%}
            {{ return(column.data_type | lower in ('text', 'varchar', 'character varying')) }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(false) }}
{%- endmacro %}
