-- grain: one row per article; renames and derives the local (Asia/Shanghai) ISO week
create or replace view stg_articles as
with source as (
    select * from articles
),
renamed as (
    select
        -- ids
        article_id,
        url,
        -- text
        coalesce(title, '(untitled)') as title,
        source_name,
        array_to_string(authors, '、') as authors,
        language,
        -- timestamps
        published_at,
        cast(published_at as date) as published_date,
        case when published_at is not null then
            cast(isoyear(published_at) as varchar) || '-W'
            || lpad(cast(week(published_at) as varchar), 2, '0')
        end as published_week,
        parsed_at,
        -- quality
        len(warnings) as count_warnings,
        json_array_length(repairs) as count_repairs
    from source
)
select * from renamed
