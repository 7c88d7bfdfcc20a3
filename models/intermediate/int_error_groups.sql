{#- One row per error group (fingerprint) with the first error seen as its firsts: the days of
    int_error_groups_daily added up (a small table: groups x days), so that an incremental run
    does not read all errors again. -#}
with

group_days as (

    select * from {{ ref('int_error_groups_daily') }}
    where occurrences > 0

),

stats as (

    select
        fingerprint,
        sum(occurrences) as occurrences,
        sum(affected_jobs) as affected_jobs,
        min(first_finished_at) as first_seen_at,
        max(last_finished_at) as last_seen_at
    from group_days
    group by fingerprint

),

-- The representative is the first error seen: earliest finish (errors without one come
-- last), then lowest error_id: the first error of the earliest day.
representatives as (

    select group_days.fingerprint, min(group_days.first_error_id) as error_id
    from group_days
    inner join stats
        on group_days.fingerprint = stats.fingerprint
        and (
            group_days.first_finished_at = stats.first_seen_at
            or stats.first_seen_at is null
        )
    group by group_days.fingerprint

),

final as (

    select
        firsts.fingerprint,
        firsts.exception_type,
        firsts.activity_template,
        firsts.error_template,
        firsts.has_error_item,
        firsts.first_error_id as representative_error_id,
        firsts.first_error_message as representative_message,
        firsts.first_activity_name as representative_activity_name,
        firsts.first_error_code as representative_error_code,
        stats.occurrences,
        stats.affected_jobs,
        stats.first_seen_at,
        stats.last_seen_at
    from representatives
    inner join group_days as firsts
        on representatives.fingerprint = firsts.fingerprint
        and representatives.error_id = firsts.first_error_id
    inner join stats on representatives.fingerprint = stats.fingerprint

)

select * from final
