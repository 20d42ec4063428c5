-- one row per fact published in the week $week, in article then text order
with facts_src as (
    select * from stg_facts where published_week = $week
),
final as (
    select
        value,
        unit,
        approx,
        metric,
        subject,
        period,
        text,
        sentence,
        article_title,
        source_name,
        cast(published_at as date) as published_date,
        url
    from facts_src
)
select * from final
order by published_date, article_title, url, text, value
