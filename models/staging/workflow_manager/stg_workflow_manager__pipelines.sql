with

source as (

    select * from {{ source('workflow_manager', 'pipeline') }}

),

renamed as (

    select
        cast(id as {{ dbt.type_string() }}) as pipeline_id,
        cast(name as {{ dbt.type_string() }}) as pipeline_name,
        cast(tenant_id as {{ dbt.type_string() }}) as tenant_id
    from source

)

select * from renamed
