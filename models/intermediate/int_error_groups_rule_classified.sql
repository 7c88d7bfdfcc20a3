{#- The first matching classification rule of every error group, from its representative.
    Rules see the message with whitespace runs (newlines included) as one space, so that `.`,
    `^` and `$` mean the same on RE2 and on Postgres ARE. -#}
with

error_groups as (

    select
        *,
        {{ job_insights.regex_replace_all('representative_message', '[[:space:]]+', ' ') }}
            as rule_message
    from {{ ref('int_error_groups') }}

),

rules as (

    select * from {{ ref('classification_rules') }}

),

matches as (

    {{ job_insights.classify_with_rules('error_groups', 'fingerprint', {
        'exception': 'exception_type',
        'message': 'rule_message',
        'activity': 'representative_activity_name',
        'code': 'representative_error_code',
    }) }}

),

final as (

    select
        matches.fingerprint,
        rules.rule_id,
        rules.category,
        rules.confidence,
        rules.reasoning
    from matches
    left join rules on matches.rule_order = rules.rule_order

)

select * from final
