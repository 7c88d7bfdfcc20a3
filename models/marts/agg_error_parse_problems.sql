{#- Data quality of the source: rows of failed jobs whose error data needed repair, by problem.
    Every problem appears, with zero counts when absent. -#}
{%- set problems = [
    'data_null', 'data_invalid_json', 'data_not_object', 'run_info_missing', 'errors_missing',
    'errors_not_array', 'errors_empty', 'item_not_object', 'code_as_string', 'code_not_integer',
    'message_missing', 'message_truncated', 'control_characters',
] -%}

with

problem_rows as (

    select job_id, has_error_item, ',' || parse_problems || ',' as problem_list
    from {{ ref('int_job_errors_fingerprinted') }}
    where parse_problems is not null

),

problems as (
    {% for problem in problems %}
    select cast('{{ problem }}' as varchar(40)) as parse_problem
    {%- if not loop.last %}
    union all{% endif %}
    {%- endfor %}

),

-- One pass over the few rows with problems, rather than one scan of all rows per problem.
final as (

    select
        problems.parse_problem,
        cast(count(problem_rows.job_id) as integer) as affected_rows,
        cast(count(distinct problem_rows.job_id) as integer) as affected_jobs,
        cast(
            sum(case when problem_rows.has_error_item = false then 1 else 0 end) as integer
        ) as rows_without_error_item
    from problems
    left join problem_rows
        on problem_rows.problem_list like '%,' || problems.parse_problem || ',%'
    group by problems.parse_problem

)

select * from final
