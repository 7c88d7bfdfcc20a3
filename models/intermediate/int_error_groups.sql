{#- One row per error group (fingerprint) with the first error seen as its firsts. -#}
with

errors as (

    select * from {{ ref('int_job_errors_fingerprinted') }}

),

stats as (

    select
        fingerprint,
        count(*) as occurrences,
        count(distinct job_id) as affected_jobs,
        min(finished_at) as first_seen_at,
        max(finished_at) as last_seen_at
    from errors
    group by fingerprint

),

-- The representative is the first error seen: earliest finish (errors without one come
-- last), then lowest error_id. Aggregates, not a window: no sort of all errors.
representatives as (

    select errors.fingerprint, min(errors.error_id) as error_id
    from errors
    inner join stats
        on errors.fingerprint = stats.fingerprint
        and (errors.finished_at = stats.first_seen_at or stats.first_seen_at is null)
    group by errors.fingerprint

),

representative_errors as (

    select errors.*
    from representatives
    inner join errors on representatives.error_id = errors.error_id

),

final as (

    select
        firsts.fingerprint,
        firsts.exception_type,
        firsts.activity_template,
        firsts.error_template,
        firsts.has_error_item,
        firsts.error_id as representative_error_id,
        firsts.error_message as representative_message,
        firsts.activity_name as representative_activity_name,
        coalesce(
            cast(firsts.error_code as {{ dbt.type_string() }}), firsts.error_code_raw
        ) as representative_error_code,
        stats.occurrences,
        stats.affected_jobs,
        stats.first_seen_at,
        stats.last_seen_at
    from representative_errors as firsts
    inner join stats on firsts.fingerprint = stats.fingerprint

)

select * from final
