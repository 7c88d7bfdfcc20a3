{#- The read-only BI role (var `bi_role`, default job_insights_bi).

    Marts get `select` for it through dbt `+grants` in dbt_project.yml (marts only, Postgres
    only); on-run-start creates the role when it is missing (NOLOGIN: give it to users with
    `grant job_insights_bi to alice`) and lets it use the marts schema. Staging, intermediate
    and seed schemas get no grant, so the role cannot read them, nor the LLM answers.
    DuckDB has no roles: nothing to do there. -#}
{% macro bi_role() -%}
    {{ return(var('bi_role', 'job_insights_bi')) }}
{%- endmacro %}


{#- on-run-start: create the BI role when missing and grant it usage on the marts schema. -#}
{% macro create_bi_role() -%}
    {{ return(adapter.dispatch('create_bi_role', 'job_insights')()) }}
{%- endmacro %}

{% macro default__create_bi_role() -%}
    select 1
{%- endmacro %}

{% macro postgres__create_bi_role() -%}
    {%- set role = job_insights.bi_role() -%}
    do $do$
    begin
        if not exists (
            select from pg_catalog.pg_roles where rolname = {{ job_insights.sql_string(role) }}
        ) then
            if not exists (
                select from pg_catalog.pg_roles
                where rolname = current_user and (rolcreaterole or rolsuper)
            ) then
                raise exception using message = format(
                    'BI role %s does not exist and %s may not create roles: create it once '
                    '(create role %s nologin) or set the dbt var bi_role to an existing role',
                    {{ job_insights.sql_string(role) }}, current_user,
                    {{ job_insights.sql_string(role) }}
                );
            end if;
            create role {{ adapter.quote(role) }} nologin;
        end if;
    end
    $do$;
    create schema if not exists {{ target.schema }};
    grant usage on schema {{ target.schema }} to {{ adapter.quote(role) }}
{%- endmacro %}
