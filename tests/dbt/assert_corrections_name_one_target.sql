{#- A correction names exactly one target: a fingerprint (the group) or an error_id. -#}
select *
from {{ ref('error_corrections') }}
where (coalesce(trim(fingerprint), '') = '') = (coalesce(trim(error_id), '') = '')
