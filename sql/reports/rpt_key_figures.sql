-- one row per distinct figure per story published in the week $week
with facts_src as (
    select * from story_facts where published_week = $week
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
        outlets,
        count_outlets,
        cast(published_at as date) as published_date,
        url
    from facts_src
)
select * from final
order by published_date, article_title, url, text, value
