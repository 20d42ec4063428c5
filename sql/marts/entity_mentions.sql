-- grain: one row per (week, kind, name): mentions and articles, with the change against
-- the previous ISO week
create or replace table entity_mentions as
with entities_src as (
    select * from stg_entities where published_week is not null
),
per_week as (
    select
        published_week,
        kind,
        name,
        any_value(province) as province,
        sum(mentions) as count_mentions,
        count(distinct story_id) as count_stories
    from entities_src
    group by all
),
final as (
    select
        *,
        lag(count_mentions) over (partition by kind, name order by published_week)
            as previous_mentions,
        lag(published_week) over (partition by kind, name order by published_week)
            as previous_week
    from per_week
)
select * from final
order by published_week, kind, count_mentions desc, name
