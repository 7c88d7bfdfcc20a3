{#- One row per error of a failed job (and one per failed job whose data holds no error item),
    classified: error correction > group correction > LLM > rule > UNKNOWN. -#}
with

errors as (

    select * from {{ ref('int_job_errors_fingerprinted') }}

),

pipelines as (

    select * from {{ ref('stg_workflow_manager__pipelines') }}

),

group_classifications as (

    select * from {{ ref('int_error_groups_classified') }}

),

error_corrections as (

    select * from {{ ref('int_error_corrections') }}
    where target_kind = 'error_id'

),

final as (

    select
        cast(errors.error_id as varchar(64)) as error_id,
        cast(errors.job_id as {{ dbt.type_string() }}) as job_id,
        cast(errors.error_index as integer) as error_index,
        cast(errors.pipeline_id as {{ dbt.type_string() }}) as pipeline_id,
        cast(pipelines.pipeline_name as {{ dbt.type_string() }}) as pipeline_name,
        cast(coalesce(errors.tenant_id, pipelines.tenant_id) as {{ dbt.type_string() }})
            as tenant_id,
        cast(errors.finished_at as {{ dbt.type_timestamp() }}) as finished_at,
        cast(errors.activity_name as {{ dbt.type_string() }}) as activity_name,
        cast(errors.error_code as integer) as error_code,
        cast(errors.error_message as {{ dbt.type_string() }}) as error_message,
        cast(errors.exception_type as {{ dbt.type_string() }}) as exception_type,
        cast(errors.fingerprint as varchar(64)) as fingerprint,
        cast(coalesce(error_corrections.category, groups.category) as varchar(40)) as category,
        cast(
            case when error_corrections.category is not null then 'correction'
                else groups.classified_by end
            as varchar(20)
        ) as classified_by,
        cast(
            case when error_corrections.category is null then groups.rule_id end
            as varchar(100)
        ) as rule_id,
        cast(
            case when error_corrections.category is not null then 1.0
                else groups.confidence end
            as double precision
        ) as confidence,
        cast(
            case
                when error_corrections.category is not null
                    then coalesce(error_corrections.note,
                                  'Corrected by ' || error_corrections.corrected_by)
                else groups.reasoning
            end
            as {{ dbt.type_string() }}
        ) as reasoning
    from errors
    left join pipelines on errors.pipeline_id = pipelines.pipeline_id
    left join group_classifications as groups on errors.fingerprint = groups.fingerprint
    left join error_corrections on errors.error_id = error_corrections.target_id

)

select * from final
