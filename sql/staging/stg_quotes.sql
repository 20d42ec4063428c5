-- grain: one row per quote, with its article's week, title and link
create or replace view stg_quotes as
with quotes_src as (
    select * from quotes
),
articles_src as (
    select * from stg_articles
),
joined as (
    select
        q.quote_id,
        q.article_id,
        q.seq,
        q.speaker,
        q.role,
        q.org,
        q.text,
        a.title as article_title,
        a.url,
        a.published_at,
        a.published_week
    from quotes_src q
    join articles_src a using (article_id)
)
select * from joined
