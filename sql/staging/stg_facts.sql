-- grain: one row per fact, with its article's week, story, outlet, title and link
create or replace view stg_facts as
with facts_src as (
    select * from facts
),
articles_src as (
    select * from stg_articles
),
joined as (
    select
        f.fact_id,
        f.article_id,
        a.story_id,
        f.seq,
        f.text,
        f.value,
        f.unit,
        f.approx,
        f.metric,
        f.subject,
        f.period,
        f.sentence,
        a.title as article_title,
        a.url,
        a.outlet,
        a.source_name,
        a.published_at,
        a.published_week
    from facts_src f
    join articles_src a using (article_id)
)
select * from joined
