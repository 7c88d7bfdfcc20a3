{#- One code path for rule matching: the first of all matches is the rule that classified the
    group. Returns the groups where the two disagree. -#}
with

first_matches as (

    select fingerprint, rule_id
    from {{ ref('int_error_groups_rule_matches') }}
    where match_rank = 1

),

classified as (

    select fingerprint, rule_id
    from {{ ref('int_error_groups_rule_classified') }}

)

select
    classified.fingerprint,
    classified.rule_id as first_rule_id,
    first_matches.rule_id as first_of_all_matches
from classified
full outer join first_matches on classified.fingerprint = first_matches.fingerprint
where classified.rule_id is distinct from first_matches.rule_id
