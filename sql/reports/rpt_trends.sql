-- metric series touched in the week $week: every week of each such series, so the sheet
-- shows where the figure came from and how it moved
with touched as (
    select distinct metric, subject, unit from metric_series where published_week = $week
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
