{#- Data quality of the source: rows of failed jobs whose error data needed repair, by problem.
    Every problem appears, with zero counts when absent. -#}
{%- set problems = [
    'data_null', 'data_invalid_json', 'data_not_object', 'run_info_missing', 'errors_missing',
    'errors_not_array', 'errors_empty', 'item_not_object', 'code_as_string', 'code_not_integer',
    'message_missing', 'message_truncated', 'control_characters',
] -%}

with

errors as (

    select * from {{ ref('int_job_errors_fingerprinted') }}

),

final as (
    {% for problem in problems %}
    select
        cast('{{ problem }}' as varchar(40)) as parse_problem,
        cast(count(*) as integer) as affected_rows,
        cast(count(distinct job_id) as integer) as affected_jobs,
        cast(sum(case when has_error_item then 0 else 1 end) as integer) as rows_without_error_item
    from errors
    where ',' || parse_problems || ',' like '%,{{ problem }},%'
    {% if not loop.last %}union all{% endif %}
    {%- endfor %}

)

select * from final
