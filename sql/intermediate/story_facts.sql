-- grain: one row per distinct figure per story (a syndicated figure counted once),
-- taken from the story's earliest article, with the outlets that carried the story
create or replace table story_facts as
with facts_src as (
    select * from stg_facts
),
story_outlets as (
    select
        story_id,
        count(distinct outlet) as count_outlets,
        string_agg(distinct outlet, ', ' order by outlet) as outlets
    from stg_articles
    group by all
),
ranked as (
    select
        *,
        row_number() over (
            partition by story_id, value, unit, coalesce(metric, ''), coalesce(period, '')
            order by published_at nulls last, url, seq
        ) as rank_in_story
    from facts_src
),
final as (
    select
        r.* exclude (rank_in_story),
        o.count_outlets,
        o.outlets
    from ranked r
    join story_outlets o using (story_id)
    where r.rank_in_story = 1
)
select * from final
