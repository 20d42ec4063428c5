-- grain: one row per ISO week (Asia/Shanghai) that has articles
create or replace table weekly_counts as
with articles_src as (
    select * from stg_articles where published_week is not null
),
fact_counts as (
    select published_week, count(*) as count_facts from stg_facts group by all
),
quote_counts as (
    select published_week, count(*) as count_quotes from stg_quotes group by all
),
article_counts as (
    select
        published_week,
        min(published_date) as first_published_date,
        max(published_date) as last_published_date,
        count(*) as count_articles,
        count(distinct source_name) as count_sources
    from articles_src
    group by all
),
final as (
    select
        a.*,
        coalesce(f.count_facts, 0) as count_facts,
        coalesce(q.count_quotes, 0) as count_quotes
    from article_counts a
    left join fact_counts f using (published_week)
    left join quote_counts q using (published_week)
)
select * from final order by published_week
