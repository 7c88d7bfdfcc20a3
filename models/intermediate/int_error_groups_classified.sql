{#- Category of every error group: correction > accepted LLM answer > rule > UNKNOWN. -#}
{%- set min_confidence = var('llm_min_confidence', env_var('LOCAL_LLM_MIN_CONFIDENCE', '0.6')) -%}

with

error_groups as (

    select * from {{ ref('int_error_groups') }}

),

corrections as (

    select * from {{ ref('int_error_corrections') }}
    where target_kind = 'fingerprint'

),

rule_results as (

    select * from {{ ref('int_error_groups_rule_classified') }}

),

llm_answers as (

    select * from {{ ref('llm_error_classifications') }}

),

latest_llm_answers as (

    select
        *,
        row_number() over (
            partition by fingerprint order by classified_at desc, model, prompt_version
        ) as answer_rank
    from llm_answers

),

accepted_llm_answers as (

    select fingerprint, category, confidence, reasoning, model
    from latest_llm_answers
    where answer_rank = 1
        and category in ('INPUT_DATA_QUALITY', 'WORKFLOW_ENGINE', 'THIRD_PARTY_SYSTEM')
        and confidence >= {{ min_confidence }}

),

final as (

    select
        error_groups.fingerprint,
        case
            when corrections.category is not null then corrections.category
            when llm.category is not null then llm.category
            when rule_results.rule_id is not null then rule_results.category
            else 'UNKNOWN'
        end as category,
        case
            when corrections.category is not null then 'correction'
            when llm.category is not null then 'llm'
            when rule_results.rule_id is not null then 'rule'
            else 'none'
        end as classified_by,
        case
            when corrections.category is null and llm.category is null
                then rule_results.rule_id
        end as rule_id,
        case
            when corrections.category is not null then 1.0
            when llm.category is not null then llm.confidence
            when rule_results.rule_id is not null then rule_results.confidence
            else 0.0
        end as confidence,
        case
            when corrections.category is not null
                then coalesce(corrections.note, 'Corrected by ' || corrections.corrected_by)
            when llm.category is not null then llm.reasoning
            when rule_results.rule_id is not null then rule_results.reasoning
        end as reasoning
    from error_groups
    left join corrections on error_groups.fingerprint = corrections.target_id
    left join accepted_llm_answers as llm on error_groups.fingerprint = llm.fingerprint
    left join rule_results on error_groups.fingerprint = rule_results.fingerprint

)

select * from final
