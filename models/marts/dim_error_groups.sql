{#- One row per error group (fingerprint): what it is, how it is classified, how often and
    where it happens, and its status against the clock (macro insights_as_of):
    resolved  not seen for var error_group_resolved_days;
    new       first seen within the last var error_group_new_days;
    regressed came back after a gap of at least error_group_resolved_days, and the return
              is within the last error_group_new_days;
    ongoing   everything else, also groups whose jobs have no finish nor start time.
    An occurrence is seen at the job's finish time, else its start time. Counts, sightings and
    returns come from the per-day partial counts of int_error_groups_daily (incremental), so a
    run reads all errors only for the distinct tenants and pipelines of each group. -#}
{%- set new_days = var('error_group_new_days') -%}
{%- set resolved_days = var('error_group_resolved_days') -%}

{%- if resolved_days < 1 -%}
    {{ exceptions.raise_compiler_error(
        'var error_group_resolved_days must be at least 1 day, got ' ~ resolved_days
    ) }}
{%- endif %}

with

errors as (

    select * from {{ ref('fct_job_errors') }}

),

error_groups as (

    select * from {{ ref('int_error_groups') }}

),

classifications as (

    select * from {{ ref('int_error_groups_classified') }}

),

-- The group's errors per day seen (finish, else start date): counts add up across days.
group_days as (

    select * from {{ ref('int_error_groups_daily') }}
    where occurrences > 0

),

-- A gap of error_group_resolved_days (at least a day) can only open between two days: a
-- return is the first sighting of a day whose previous day with the group lies that far back.
day_gaps as (

    select
        fingerprint,
        first_seen_at,
        lag(last_seen_at) over (partition by fingerprint order by day) as previous_seen_at
    from group_days
    where day is not null

),

returns as (

    select
        fingerprint,
        max(first_seen_at) as regressed_at
    from day_gaps
    where previous_seen_at is not null
        and first_seen_at >= {{ dbt.dateadd('day', resolved_days, 'previous_seen_at') }}
    group by fingerprint

),

stats as (

    select
        fingerprint,
        sum(occurrences) as occurrences,
        sum(affected_jobs) as affected_jobs,
        min(first_seen_at) as first_seen_at,
        max(last_seen_at) as last_seen_at
    from group_days
    group by fingerprint

),

-- Tenants and pipelines do not add up across days: one narrow pass over the errors.
spread as (

    select
        fingerprint,
        count(distinct tenant_id) as affected_tenants,
        count(distinct pipeline_id) as affected_pipelines
    from (
        select distinct fingerprint, tenant_id, pipeline_id from errors
    ) as places
    group by fingerprint

),

clock as (

    select {{ job_insights.insights_as_of() }} as as_of

),

final as (

    select
        cast(error_groups.fingerprint as varchar(64)) as fingerprint,
        cast(error_groups.error_template as {{ dbt.type_string() }}) as error_template,
        cast(error_groups.exception_type as {{ dbt.type_string() }}) as exception_type,
        cast(error_groups.activity_template as {{ dbt.type_string() }}) as activity_template,
        cast(classifications.category as varchar(40)) as category,
        cast(classifications.classified_by as varchar(20)) as classified_by,
        cast(classifications.rule_id as varchar(100)) as rule_id,
        cast(classifications.confidence as double precision) as confidence,
        cast(stats.occurrences as integer) as occurrences,
        cast(stats.affected_jobs as integer) as affected_jobs,
        cast(coalesce(spread.affected_tenants, 0) as integer) as affected_tenants,
        cast(coalesce(spread.affected_pipelines, 0) as integer) as affected_pipelines,
        cast(stats.first_seen_at as {{ dbt.type_timestamp() }}) as first_seen_at,
        cast(stats.last_seen_at as {{ dbt.type_timestamp() }}) as last_seen_at,
        cast(returns.regressed_at as {{ dbt.type_timestamp() }}) as regressed_at,
        cast(
            case
                when stats.last_seen_at is null then 'ongoing'
                when stats.last_seen_at
                    < {{ dbt.dateadd('day', -resolved_days, 'clock.as_of') }} then 'resolved'
                when stats.first_seen_at
                    >= {{ dbt.dateadd('day', -new_days, 'clock.as_of') }} then 'new'
                when returns.regressed_at
                    >= {{ dbt.dateadd('day', -new_days, 'clock.as_of') }} then 'regressed'
                else 'ongoing'
            end
            as varchar(20)
        ) as status,
        cast(error_groups.representative_error_id as varchar(64)) as representative_error_id,
        cast(error_groups.representative_message as {{ dbt.type_string() }})
            as representative_message,
        cast(error_groups.representative_activity_name as {{ dbt.type_string() }})
            as representative_activity_name,
        cast(error_groups.representative_error_code as {{ dbt.type_string() }})
            as representative_error_code,
        cast(error_groups.has_error_item as boolean) as has_error_item
    from error_groups
    cross join clock
    inner join stats on error_groups.fingerprint = stats.fingerprint
    left join spread on error_groups.fingerprint = spread.fingerprint
    left join classifications on error_groups.fingerprint = classifications.fingerprint
    left join returns on error_groups.fingerprint = returns.fingerprint

)

select * from final
