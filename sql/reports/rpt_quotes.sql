-- one row per quote published in the week $week
with quotes_src as (
    select * from stg_quotes where published_week = $week
),
final as (
    select
        speaker,
        role,
        org,
        text,
        article_title,
        cast(published_at as date) as published_date,
        url
    from quotes_src
)
select * from final
order by published_date, article_title, url, speaker, text
