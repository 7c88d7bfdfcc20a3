{#- The first matching classification rule of every error group, from its representative.
    Rules see the message with whitespace runs (newlines included) as one space, so that `.`,
    `^` and `$` mean the same on RE2 and on Postgres ARE.
    Incremental on the group (macros/rule_results.sql): a run classifies the groups whose
    representative error changed or is new, and every group when the rules changed. -#}
{{ config(
    materialized='incremental',
    unique_key='fingerprint',
    incremental_strategy='delete+insert',
    on_schema_change='append_new_columns',
    pre_hook="{{ job_insights.disable_jit() }}",
    post_hook="{{ job_insights.delete_rule_results_of_gone_groups() }}",
) }}
{%- set rule_columns = job_insights.error_group_rule_columns() -%}
{%- set rule_sql = job_insights.classify_with_rules('error_groups', 'fingerprint', rule_columns) -%}
{%- set rules_version = job_insights.rules_version(rule_sql) -%}
with

all_error_groups as (

    select
        *,
        {{ job_insights.rule_message('representative_message') }} as rule_message
    from {{ ref('int_error_groups') }}

),

keyed_error_groups as (

    select
        *,
        {{ job_insights.rule_inputs_key(rule_columns) }} as rule_inputs_key
    from all_error_groups

),

error_groups as (

    select * from keyed_error_groups
    {%- if is_incremental() %}
    where {{ job_insights.rule_result_outdated('keyed_error_groups', rules_version) }}
    {%- endif %}

),

rules as (

    select * from {{ ref('classification_rules') }}

),

matches as (

    {{ rule_sql }}

),

final as (

    select
        error_groups.fingerprint,
        rules.rule_id,
        rules.category,
        rules.confidence,
        rules.reasoning,
        error_groups.rule_inputs_key,
        cast('{{ rules_version }}' as {{ dbt.type_string() }}) as rules_version,
        {{ job_insights.run_processed_at() }} as processed_at
    from error_groups
    inner join matches on error_groups.fingerprint = matches.fingerprint
    left join rules on matches.rule_order = rules.rule_order

)

select * from final
