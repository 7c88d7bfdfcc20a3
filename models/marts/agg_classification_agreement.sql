{#- How often rules and the LLM agree with human corrections, per category pair. Only errors
    whose final category is a correction count (error-level or group-level), and only where
    the classifier answered: the group's first matching rule, or the newest LLM answer for the
    group (whatever its confidence; UNKNOWN answers included). -#}
with

errors as (

    select * from {{ ref('fct_job_errors') }}
    where classified_by = 'correction'

),

rule_results as (

    select * from {{ ref('int_error_groups_rule_classified') }}
    where rule_id is not null

),

llm_answers as (

    select * from {{ ref('llm_error_classifications') }}

),

latest_llm_answers as (

    select
        fingerprint,
        category,
        row_number() over (
            partition by fingerprint order by classified_at desc, model, prompt_version
        ) as answer_rank
    from llm_answers

),

predictions as (

    select
        'rule' as classifier,
        errors.error_id,
        errors.fingerprint,
        errors.category as corrected_category,
        rule_results.category as predicted_category
    from errors
    inner join rule_results on errors.fingerprint = rule_results.fingerprint

    union all

    select
        'llm' as classifier,
        errors.error_id,
        errors.fingerprint,
        errors.category as corrected_category,
        answers.category as predicted_category
    from errors
    inner join latest_llm_answers as answers
        on errors.fingerprint = answers.fingerprint
        and answers.answer_rank = 1

),

final as (

    select
        cast(classifier as varchar(20)) as classifier,
        cast(corrected_category as varchar(40)) as corrected_category,
        cast(predicted_category as varchar(40)) as predicted_category,
        cast(corrected_category = predicted_category as boolean) as is_agreement,
        cast(count(*) as integer) as errors,
        cast(count(distinct fingerprint) as integer) as error_groups
    from predictions
    group by classifier, corrected_category, predicted_category

)

select * from final
