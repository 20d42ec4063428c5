-- one row per article published in the week $week, with its story's outlets and counts
with articles_src as (
    select * from stg_articles where published_week = $week
),
story_outlets as (
    select
        story_id,
        count(*) as count_copies,
        string_agg(distinct outlet, ', ' order by outlet) as outlets
    from stg_articles
    group by all
),
fact_counts as (
    select article_id, count(*) as count_facts from facts group by all
),
quote_counts as (
    select article_id, count(*) as count_quotes from quotes group by all
),
final as (
    select
        a.title,
        a.published_at,
        a.source_name,
        a.authors,
        a.language,
        coalesce(f.count_facts, 0) as count_facts,
        coalesce(q.count_quotes, 0) as count_quotes,
        a.story_id,
        s.count_copies,
        s.outlets,
        a.url
    from articles_src a
    left join story_outlets s using (story_id)
    left join fact_counts f using (article_id)
    left join quote_counts q using (article_id)
)
select * from final
order by published_at, title, url
