{#- The unnest of failed jobs' error lists into one row per error: the one code path behind
    stg_workflow_manager__job_errors (all failed jobs) and int_job_errors_fingerprinted (only the
    jobs an incremental run must process).

    `jobs_relation` names a relation (or CTE) of failed jobs with columns job_id and run_data
    (the source's `data`); `data_is_text` tells whether run_data is text rather than JSON.
    Returns CTEs to be placed after `with`, the last one named `job_errors`, with the columns
    of stg_workflow_manager__job_errors. A failed job whose data holds no error item keeps one
    row (has_error_item = false); every row names its parse problems.

    Each JSON document is parsed as few times as possible: DuckDB stores JSON as text and
    parses it again in every JSON function, so the fields are read with one multi-path call.
    `carry_columns` (column names of jobs_relation) are passed through to every error row of
    the job, which spares a join back to the jobs.

    Messages repeat: each distinct message is cleaned once, not once per error. With
    `with_templates`, job_errors also has message_template and activity_template (see
    mask_error_text), computed once per distinct message and activity name. -#}
{% macro job_error_ctes(jobs_relation, data_is_text, carry_columns=[], with_templates=false) -%}
    {%- set max_length = var('max_message_length') -%}
    {%- set carried -%}
        {%- for column in carry_columns %}
        {{ column }},
        {%- endfor -%}
    {%- endset %}

job_documents as (

    select
        job_id,{{ carried }}
        run_data is null as is_data_null,
        {{ job_insights.parse_json_document('run_data', data_is_text) }} as document
    from {{ jobs_relation }}

),

error_lists as (

    select
        job_id,{{ carried }}
        is_data_null,
        document,
        {{ job_insights.json_path_kinds('document', ['$', '$.run_info', '$.run_info.errors']) }}
            as kinds,
        {{ job_insights.json_path_values('document', ['$.run_info.errors']) }} as error_values
    from job_documents

),

list_problems as (

    select
        job_id,{{ carried }}
        error_values[1] as error_value,
        case
            when is_data_null then 'data_null'
            when document is null then 'data_invalid_json'
            when kinds[1] <> 'object' then 'data_not_object'
            when kinds[2] is null or kinds[2] = 'null' then 'run_info_missing'
            when kinds[3] is null or kinds[3] = 'null' then 'errors_missing'
            when kinds[3] <> 'array' then 'errors_not_array'
        end as list_problem
    from error_lists

),

error_lists_checked as (

    select
        job_id,{{ carried }}
        list_problem,
        has_items,
        -- A job without items gets one JSON null, so that the unnest keeps it as one row.
        case
            when not has_items then {{ job_insights.json_literal('[null]') }}
            when list_problem is null then error_value
            else {{ job_insights.json_wrap_in_array('error_value') }}
        end as items
    from (
        select
            *,
            coalesce(list_problem = 'errors_not_array', false)
            or (
                list_problem is null
                and not {{ job_insights.json_array_is_empty('error_value') }}
            ) as has_items
        from list_problems
    ) as counted

),

unnested as (

    {{ job_insights.unnest_json_array('error_lists_checked', 'items') }}

),

items as (

    select
        job_id,{{ carried }}
        item_number - 1 as error_index,
        list_problem,
        has_items,
        item,
        {{ job_insights.json_kind('item') }} as item_kind,
        {{ job_insights.json_path_values(
            'item', ['$.code', '$.message', '$.exception', '$.activity_name', '$.details']
        ) }} as fields
    from unnested

),

items_typed as (

    select
        job_id,{{ carried }}
        error_index,
        list_problem,
        has_items,
        item,
        item_kind,
        case when item_kind = 'object' then fields end as fields,
        {{ job_insights.json_kind('fields[1]') }} as code_kind,
        trim({{ job_insights.json_as_text('fields[1]') }}) as code_text
    from items

),

items_parsed as {{ job_insights.materialized_cte() }} (

    select
        job_id,{{ carried }}
        error_index,
        list_problem,
        has_items as has_error_item,
        item_kind,
        case
            when item_kind = 'object' then {{ job_insights.json_as_text('fields[2]') }}
            else {{ job_insights.json_as_text('item') }}
        end as message_raw,
        {{ job_insights.json_as_text('fields[3]') }} as exception_type,
        {{ job_insights.json_as_text('fields[4]') }} as activity_name,
        code_kind,
        code_text,
        {{ job_insights.integer_error_code('code_text') }} as error_code,
        cast(fields[5] as {{ dbt.type_string() }}) as details_json
    from items_typed

),

-- Each expression on a message is computed in a grouped select: Postgres pulls a plain
-- select (or a distinct) up above the join and would run it once per error instead of once
-- per distinct text.
error_messages as (

    select
        message_raw,
        {{ job_insights.clean_error_message('message_raw') }} as error_message,
        {{ job_insights.regex_matches_ci(
            'message_raw', job_insights.sql_string(job_insights.control_character_class())
        ) }} as has_control_characters
    from items_parsed
    where message_raw is not null
    group by message_raw

),
{%- if with_templates %}

message_templates as (

    select
        message_raw,
        error_message,
        has_control_characters,
        left(
            {{ job_insights.mask_error_text('error_message') }}, {{ var('max_template_length') }}
        ) as message_template
    from error_messages
    group by message_raw, error_message, has_control_characters

),

activity_templates as (

    select
        activity_name,
        {{ job_insights.mask_error_text('activity_name') }} as activity_template
    from items_parsed
    where activity_name is not null
    group by activity_name

),
{%- endif %}

job_errors as (

    select
        {{ dbt.hash(
            "items_parsed.job_id || ':' || cast(items_parsed.error_index as "
            ~ dbt.type_string() ~ ")"
        ) }}
            as error_id,
        items_parsed.job_id,
        {%- for column in carry_columns %}
        items_parsed.{{ column }},
        {%- endfor %}
        items_parsed.error_index,
        items_parsed.has_error_item,
        items_parsed.activity_name,
        items_parsed.error_code,
        case
            when items_parsed.error_code is null then items_parsed.code_text
        end as error_code_raw,
        messages.error_message,
        items_parsed.exception_type,
        items_parsed.details_json,
        case
            when not items_parsed.has_error_item
                then coalesce(items_parsed.list_problem, 'errors_empty')
            else nullif(concat_ws(',',
                items_parsed.list_problem,
                case when items_parsed.item_kind <> 'object' then 'item_not_object' end,
                case when items_parsed.code_kind = 'string' then 'code_as_string' end,
                case
                    when items_parsed.code_text is not null and items_parsed.error_code is null
                        then 'code_not_integer'
                end,
                case when items_parsed.message_raw is null then 'message_missing' end,
                case
                    when length(items_parsed.message_raw) > {{ max_length }}
                        then 'message_truncated'
                end,
                case when messages.has_control_characters then 'control_characters' end
            ), '')
        end as parse_problems
        {%- if with_templates %},
        messages.message_template,
        activity_templates.activity_template
        {%- endif %}
    from items_parsed
    left join {{ 'message_templates' if with_templates else 'error_messages' }} as messages
        on items_parsed.message_raw = messages.message_raw
    {%- if with_templates %}
    left join activity_templates
        on items_parsed.activity_name = activity_templates.activity_name
    {%- endif %}

)
{%- endmacro %}


{#- The error code as an integer; null when the text is not one. -#}
{% macro integer_error_code(code_text_expr) -%}
    case
        when {{ job_insights.regex_matches_ci(code_text_expr, "'^-?[0-9]{1,9}$'") }}
            then cast({{ code_text_expr }} as integer)
    end
{%- endmacro %}


{#- The message as stored: cut to var max_message_length, control characters as spaces. -#}
{% macro clean_error_message(message_expr) -%}
    {{ job_insights.regex_replace_all(
        'left(' ~ message_expr ~ ', ' ~ var('max_message_length') ~ ')',
        job_insights.control_character_class(),
        ' ') }}
{%- endmacro %}
