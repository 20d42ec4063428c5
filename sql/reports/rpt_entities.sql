-- entities of kind $kind named in the week $week, with the previous week's mentions
with this_week as (
    select * from entity_mentions where published_week = $week and kind = $kind
),
last_week as (
    select name, count_mentions from entity_mentions
    where published_week = $previous_week and kind = $kind
),
final as (
    select
        t.name,
        t.province,
        t.count_mentions,
        t.count_stories,
        coalesce(l.count_mentions, 0) as previous_mentions,
        t.count_mentions - coalesce(l.count_mentions, 0) as change
    from this_week t
    left join last_week l using (name)
)
select * from final
order by count_mentions desc, name
