-- one row per article published in the week $week, with its fact and quote counts
with articles_src as (
    select * from stg_articles where published_week = $week
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
        a.url
    from articles_src a
    left join fact_counts f using (article_id)
    left join quote_counts q using (article_id)
)
select * from final
order by published_at, title, url
