-- metric series reported in the week $week and in at least one earlier week: every week
-- of each such series, so the sheet shows how the figure moved
with touched as (
    select distinct metric, subject, unit from metric_series
    where published_week = $week and count_weeks >= 2
),
final as (
    select
        m.metric,
        m.subject,
        m.unit,
        m.published_week,
        m.latest_value,
        m.latest_period,
        m.previous_value,
        m.change,
        m.change_ratio,
        m.count_mentions,
        m.latest_url
    from metric_series m
    join touched t using (metric, subject, unit)
    where m.published_week <= $week
)
select * from final
order by metric, subject, unit, published_week
