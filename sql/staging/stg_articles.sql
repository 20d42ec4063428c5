-- grain: one row per article; renames, derives the local (Asia/Shanghai) ISO week, the
-- outlet (host) and the story (syndication cluster) it belongs to
create or replace view stg_articles as
with source as (
    select * from articles
),
stories as (
    select * from article_stories
),
renamed as (
    select
        -- ids
        s.article_id,
        coalesce(st.story_id, s.article_id) as story_id,
        s.url,
        -- text
        coalesce(s.title, '(untitled)') as title,
        s.source_name,
        regexp_extract(s.url, '^[a-z]+://([^/:?#]+)', 1) as outlet,
        array_to_string(s.authors, '、') as authors,
        s.language,
        -- timestamps
        s.published_at,
        cast(s.published_at as date) as published_date,
        case when s.published_at is not null then
            cast(isoyear(s.published_at) as varchar) || '-W'
            || lpad(cast(week(s.published_at) as varchar), 2, '0')
        end as published_week,
        s.parsed_at,
        -- quality
        len(s.warnings) as count_warnings,
        json_array_length(s.repairs) as count_repairs
    from source s
    left join stories st using (article_id)
)
select * from renamed
