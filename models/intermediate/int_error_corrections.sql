{#- Corrections, newest per target: one row per corrected group and per corrected error. -#}
with

corrections as (

    select * from {{ ref('error_corrections') }}

),

targeted as (

    select
        case
            when nullif(trim(fingerprint), '') is not null then 'fingerprint'
            else 'error_id'
        end as target_kind,
        coalesce(nullif(trim(fingerprint), ''), nullif(trim(error_id), '')) as target_id,
        upper(trim(category)) as category,
        note,
        corrected_by,
        corrected_at
    from corrections

),

ranked as (

    select
        *,
        row_number() over (
            partition by target_kind, target_id
            order by corrected_at desc nulls last, category
        ) as correction_rank
    from targeted
    where target_id is not null

),

final as (

    select target_kind, target_id, category, note, corrected_by, corrected_at
    from ranked
    where correction_rank = 1

)

select * from final
