-- the most-reported metric series up to the week $week, week by week (for a line chart)
with candidates as (
    select metric, subject, unit, count(*) as count_weeks, sum(count_mentions) as n
    from metric_series
    where published_week <= $week
    group by all
),
chosen as (
    select metric, subject, unit from candidates
    order by count_weeks desc, n desc, metric, subject, unit
    limit 1
),
final as (
    select m.metric, m.subject, m.unit, m.published_week, m.latest_value
    from metric_series m
    join chosen c using (metric, subject, unit)
    where m.published_week <= $week
)
select * from final order by published_week
