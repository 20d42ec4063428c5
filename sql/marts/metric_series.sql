-- grain: one row per (metric, subject, unit, week): the same measure tracked across
-- weeks, with the latest value of the week and its change against the previous week seen
create or replace table metric_series as
with facts_src as (
    select * from story_facts where metric is not null and published_week is not null
),
per_week as (
    select
        metric,
        coalesce(subject, '') as subject,
        unit,
        published_week,
        arg_max(value, published_at) as latest_value,
        arg_max(period, published_at) as latest_period,
        arg_max(url, published_at) as latest_url,
        count(*) as count_mentions
    from facts_src
    group by all
),
with_previous as (
    select
        *,
        lag(latest_value) over w as previous_value,
        lag(published_week) over w as previous_week,
        count(*) over (partition by metric, subject, unit) as count_weeks
    from per_week
    window w as (partition by metric, subject, unit order by published_week)
),
final as (
    select
        *,
        latest_value - previous_value as change,
        case when previous_value is not null and previous_value <> 0
            then (latest_value - previous_value) / abs(previous_value) end as change_ratio
    from with_previous
)
select * from final
order by metric, subject, unit, published_week
