-- grain: one row per (article, kind, name), with the article's week and story
create or replace view stg_entities as
with entities_src as (
    select * from entities
),
articles_src as (
    select * from stg_articles
),
joined as (
    select
        e.article_id,
        a.story_id,
        e.kind,
        e.name,
        e.province,
        e.mentions,
        a.published_week
    from entities_src e
    join articles_src a using (article_id)
)
select * from joined
