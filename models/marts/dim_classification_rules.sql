{#- One row per classification rule with how it performs on the error groups seen:
    matched_groups  groups whose representative error it matches at all;
    winning_groups  groups where it is the first match (it gives the rule step's answer);
    hits            errors of its winning groups, whatever overrode it later;
    classified_errors errors whose final category comes from it (classified_by = rule);
    is_dead         it matches no group;
    is_shadowed     it matches groups, but an earlier rule matches every one of them. -#}
with

rules as (

    select * from {{ ref('classification_rules') }}

),

rule_matches as (

    select * from {{ ref('int_error_groups_rule_matches') }}

),

errors as (

    select * from {{ ref('fct_job_errors') }}

),

-- Per group: its errors and when it was last seen (finish, else start time).
error_groups as (

    select * from {{ ref('dim_error_groups') }}

),

match_counts as (

    select
        rule_id,
        count(*) as matched_groups,
        sum(case when match_rank = 1 then 1 else 0 end) as winning_groups
    from rule_matches
    group by rule_id

),

hit_counts as (

    select
        rule_matches.rule_id,
        sum(error_groups.occurrences) as hits,
        max(error_groups.last_seen_at) as last_hit_at
    from rule_matches
    inner join error_groups on rule_matches.fingerprint = error_groups.fingerprint
    where rule_matches.match_rank = 1
    group by rule_matches.rule_id

),

classified_counts as (

    select rule_id, count(*) as classified_errors
    from errors
    where classified_by = 'rule'
    group by rule_id

),

final as (

    select
        cast(rules.rule_id as varchar(100)) as rule_id,
        cast(rules.rule_order as integer) as rule_order,
        cast(rules.category as varchar(40)) as category,
        cast(rules.confidence as double precision) as confidence,
        cast(coalesce(match_counts.matched_groups, 0) as integer) as matched_groups,
        cast(coalesce(match_counts.winning_groups, 0) as integer) as winning_groups,
        cast(coalesce(hit_counts.hits, 0) as integer) as hits,
        cast(coalesce(classified_counts.classified_errors, 0) as integer) as classified_errors,
        cast(hit_counts.last_hit_at as {{ dbt.type_timestamp() }}) as last_hit_at,
        cast(coalesce(match_counts.matched_groups, 0) = 0 as boolean) as is_dead,
        cast(
            coalesce(match_counts.matched_groups, 0) > 0
            and coalesce(match_counts.winning_groups, 0) = 0
            as boolean
        ) as is_shadowed
    from rules
    left join match_counts on rules.rule_id = match_counts.rule_id
    left join hit_counts on rules.rule_id = hit_counts.rule_id
    left join classified_counts on rules.rule_id = classified_counts.rule_id

)

select * from final
