with

source as (

    select * from {{ source('workflow_manager', 'job_execution') }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as job_id,
        cast(pipeline_id as {{ dbt.type_string() }}) as pipeline_id,
        cast(tenant_id as {{ dbt.type_string() }}) as tenant_id,
        {{ job_insights.normalize_job_status('status') }} as status,
        {{ job_insights.normalize_job_status('status') }} = 'FAILURE' as is_failed,
        cast(started_at as {{ dbt.type_timestamp() }}) as started_at,
        cast(finished_at as {{ dbt.type_timestamp() }}) as finished_at,
        data as run_data
    from source

)

select * from renamed
