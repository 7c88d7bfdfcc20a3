{{ config(severity='warn') }}
{#- Corrections whose fingerprint or error_id matches no error (yet): warned, not fatal, since
    history may have been trimmed or the errors may arrive later. -#}
with

corrections as (

    select * from {{ ref('int_error_corrections') }}

),

errors as (

    select * from {{ ref('int_job_errors_fingerprinted') }}

)

select corrections.*
from corrections
where not exists (
    select 1 from errors
    where (corrections.target_kind = 'fingerprint' and errors.fingerprint = corrections.target_id)
        or (corrections.target_kind = 'error_id' and errors.error_id = corrections.target_id)
)
