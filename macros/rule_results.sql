{#- The rule models (int_error_groups_rule_classified, int_error_groups_rule_matches) are
    incremental on the error group: a run sends a group to the rules only when what the rules
    see of it changed, or when the rules did.

    int_error_groups_rule_classified stores with each group the rules_version its result was
    computed with and the rule_inputs_key of its representative error. A run computes the groups
    that have no stored result for their rule_inputs_key, and every group when a stored result
    has another rules_version. int_error_groups_rule_matches then recomputes the groups whose
    first-match result was written since its own last run. -#}

{#- Hash of what a rule result depends on besides the group: `rule_sql` (the compiled rules,
    so a change to the patterns, their order or the macros that compile them counts) and every
    row of the classification_rules seed as loaded (category, confidence and reasoning
    included). Read at execution time, like the rules themselves. -#}
{% macro rules_version(rule_sql) -%}
    {%- if not execute -%}
        {{ return('') }}
    {%- endif -%}
    {%- set seed_rows = run_query(
        'select * from ' ~ ref('classification_rules') ~ ' order by rule_order, rule_id'
    ).rows -%}
    {%- set lines = [] -%}
    {%- for row in seed_rows -%}
        {%- do lines.append(row.values() | map('string') | join('\x1f')) -%}
    {%- endfor -%}
    {{ return(local_md5(rule_sql ~ '\x1e' ~ lines | join('\x1e'))) }}
{%- endmacro %}


{#- Hash of what the rules read of a row: the values of `columns` (field -> SQL expression),
    nulls told apart from empty text. -#}
{% macro rule_inputs_key(columns) -%}
    {%- set parts = [] -%}
    {%- for field, expr in columns.items() -%}
        {%- do parts.append(
            "coalesce('+' || cast(" ~ expr ~ " as " ~ dbt.type_string() ~ "), '-')"
        ) -%}
    {%- endfor -%}
    {{ dbt.hash(parts | join(" || '|' || ")) }}
{%- endmacro %}


{#- True for a row of `alias` (fingerprint, rule_inputs_key) whose first-match result in
    {{ this }} is missing or outdated: no stored result for its fingerprint and
    rule_inputs_key, or any stored result computed with other rules than `version`. A table
    stored before these columns existed is outdated as a whole. -#}
{% macro rule_result_outdated(alias, version) -%}
    {%- if job_insights.stored_columns_include(['rules_version', 'rule_inputs_key']) -%}
    (
        exists (
            select 1
            from {{ this }} as stored
            where stored.rules_version is null or stored.rules_version <> '{{ version }}'
        )
        or not exists (
            select 1
            from {{ this }} as stored
            where stored.fingerprint = {{ alias }}.fingerprint
                and stored.rule_inputs_key = {{ alias }}.rule_inputs_key
        )
    )
    {%- else -%}
    1 = 1
    {%- endif -%}
{%- endmacro %}


{#- Post-hook of int_error_groups_rule_classified: drop the results of groups that no longer
    exist (their errors left the source). -#}
{% macro delete_rule_results_of_gone_groups() -%}
    delete from {{ this }}
    where fingerprint not in (select fingerprint from {{ ref('int_error_groups') }})
{%- endmacro %}


{#- Post-hook of int_error_groups_rule_matches: drop the matches of a group computed before its
    current first-match result (the group now matches no rule, or no longer exists). A run
    rewrites every match of a group at once, so its rows share one processed_at. -#}
{% macro delete_outdated_rule_matches() -%}
    delete from {{ this }}
    where fingerprint in (
        select matches.fingerprint
        from {{ this }} as matches
        left join {{ ref('int_error_groups_rule_classified') }} as classified
            on matches.fingerprint = classified.fingerprint
        where classified.fingerprint is null
            or matches.processed_at is null
            or classified.processed_at > matches.processed_at
    )
{%- endmacro %}
