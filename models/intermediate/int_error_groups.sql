{#- One row per error group (fingerprint) with the first error seen as its representative. -#}
with

errors as (

    select * from {{ ref('int_job_errors_fingerprinted') }}

),

ranked as (

    select
        *,
        row_number() over (
            partition by fingerprint
            order by finished_at nulls last, error_id
        ) as seen_rank
    from errors

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

final as (

    select
        ranked.fingerprint,
        ranked.exception_type,
        ranked.activity_template,
        ranked.error_template,
        ranked.has_error_item,
        ranked.error_id as representative_error_id,
        ranked.error_message as representative_message,
        ranked.activity_name as representative_activity_name,
        coalesce(
            cast(ranked.error_code as {{ dbt.type_string() }}), ranked.error_code_raw
        ) as representative_error_code,
        stats.occurrences,
        stats.affected_jobs,
        stats.first_seen_at,
        stats.last_seen_at
    from ranked
    inner join stats on ranked.fingerprint = stats.fingerprint
    where ranked.seen_rank = 1

)

select * from final
