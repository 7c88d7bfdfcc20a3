{#- Post-hook of incremental dbt Python models on DuckDB: dbt-duckdb materializes the
    "temporary" relation of a Python model as a plain table (`<model>__dbt_tmp<timestamp>` in
    the default schema) and never drops it. This drops every such table of `relation`. -#}
{% macro drop_python_model_temp_tables(relation) %}
    {% if execute and target.type == 'duckdb' %}
        {% set stale %}
            select table_catalog, table_schema, table_name
            from information_schema.tables
            where starts_with(table_name, '{{ relation.identifier }}__dbt_tmp')
        {% endset %}
        {% for row in run_query(stale) %}
            {% do run_query(
                'drop table if exists "' ~ row[0] ~ '"."' ~ row[1] ~ '"."' ~ row[2] ~ '"'
            ) %}
        {% endfor %}
    {% endif %}
    select 1
{% endmacro %}
