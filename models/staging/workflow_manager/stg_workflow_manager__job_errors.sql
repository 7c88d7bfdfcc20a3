{#- One row per item of data.run_info.errors of every failed job. A failed job whose data holds
    no error item keeps one row (has_error_item = false); every row names its parse problems. -#}
{%- set source_relation = source('workflow_manager', 'job_execution') -%}
{%- set data_is_text = job_insights.column_is_text(source_relation, 'data') -%}
{%- set max_length = var('max_message_length') -%}

with

source as (

    select * from {{ source_relation }}

),

failed_jobs as (

    select
        cast(id as {{ dbt.type_string() }}) as job_id,
        data is null as is_data_null,
        {{ job_insights.parse_json_document('data', data_is_text) }} as document
    from source
    where {{ job_insights.normalize_job_status('status') }} = 'FAILURE'

),

error_lists as (

    select
        job_id,
        is_data_null,
        document,
        {{ job_insights.json_kind('document') }} as document_kind,
        {{ job_insights.json_kind("document -> 'run_info'") }} as run_info_kind,
        document -> 'run_info' -> 'errors' as errors,
        {{ job_insights.json_kind("document -> 'run_info' -> 'errors'") }} as errors_kind
    from failed_jobs

),

error_lists_checked as (

    select
        job_id,
        case
            when errors_kind = 'array' then errors
            when errors_kind <> 'null' then {{ job_insights.json_wrap_in_array('errors') }}
        end as items,
        case
            when is_data_null then 'data_null'
            when document is null then 'data_invalid_json'
            when document_kind <> 'object' then 'data_not_object'
            when run_info_kind is null or run_info_kind = 'null' then 'run_info_missing'
            when errors_kind is null or errors_kind = 'null' then 'errors_missing'
            when errors_kind <> 'array' then 'errors_not_array'
        end as list_problem
    from error_lists

),

unnested as (

    {{ job_insights.unnest_json_array('error_lists_checked', 'items') }}

),

items as (

    select
        job_id,
        item_number - 1 as error_index,
        list_problem,
        item,
        {{ job_insights.json_kind('item') }} as item_kind,
        {{ job_insights.json_kind("item -> 'code'") }} as code_kind,
        trim({{ job_insights.json_as_text("item -> 'code'") }}) as code_text
    from unnested

),

items_parsed as (

    select
        job_id,
        error_index,
        list_problem,
        item_kind,
        case
            when item_kind = 'object' then {{ job_insights.json_as_text("item -> 'message'") }}
            else {{ job_insights.json_as_text('item') }}
        end as message_raw,
        case
            when item_kind = 'object' then {{ job_insights.json_as_text("item -> 'exception'") }}
        end as exception_type,
        case
            when item_kind = 'object'
                then {{ job_insights.json_as_text("item -> 'activity_name'") }}
        end as activity_name,
        code_kind,
        code_text,
        case
            when {{ job_insights.regex_matches_ci('code_text', "'^-?[0-9]{1,9}$'") }}
                then cast(code_text as integer)
        end as error_code,
        case
            when item_kind = 'object' and (item -> 'details') is not null
                then cast((item -> 'details') as {{ dbt.type_string() }})
        end as details_json
    from items

),

errors as (

    select
        job_id,
        error_index,
        true as has_error_item,
        activity_name,
        error_code,
        case when error_code is null then code_text end as error_code_raw,
        {{ job_insights.regex_replace_all(
            'left(message_raw, ' ~ max_length ~ ')',
            job_insights.control_character_class(),
            ' ') }} as error_message,
        exception_type,
        details_json,
        nullif(concat_ws(',',
            list_problem,
            case when item_kind <> 'object' then 'item_not_object' end,
            case when code_kind = 'string' then 'code_as_string' end,
            case
                when code_text is not null and error_code is null then 'code_not_integer'
            end,
            case when message_raw is null then 'message_missing' end,
            case when length(message_raw) > {{ max_length }} then 'message_truncated' end,
            case
                when {{ job_insights.regex_matches_ci(
                    'message_raw', job_insights.sql_string(job_insights.control_character_class())
                ) }} then 'control_characters'
            end
        ), '') as parse_problems
    from items_parsed

),

jobs_without_items as (

    select
        lists.job_id,
        0 as error_index,
        false as has_error_item,
        cast(null as {{ dbt.type_string() }}) as activity_name,
        cast(null as integer) as error_code,
        cast(null as {{ dbt.type_string() }}) as error_code_raw,
        cast(null as {{ dbt.type_string() }}) as error_message,
        cast(null as {{ dbt.type_string() }}) as exception_type,
        cast(null as {{ dbt.type_string() }}) as details_json,
        coalesce(lists.list_problem, 'errors_empty') as parse_problems
    from error_lists_checked as lists
    where not exists (select 1 from errors where errors.job_id = lists.job_id)

),

final as (

    select
        {{ dbt.hash("job_id || ':' || cast(error_index as " ~ dbt.type_string() ~ ")") }}
            as error_id,
        *
    from (
        select * from errors
        union all
        select * from jobs_without_items
    ) as all_rows

)

select * from final
