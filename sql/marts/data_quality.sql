-- grain: one row per (stage, outcome, reason): fetch outcomes and parse failures
create or replace table data_quality as
with latest_outcomes as (
    select * from fetch_outcomes
    qualify row_number() over (partition by url order by decided_at desc) = 1
),
fetch_rows as (
    select
        'fetch' as stage,
        outcome,
        coalesce(split_part(reason, ':', 1), '') as reason,
        count(*) as count_pages,
        min(url) as example_url
    from latest_outcomes
    where outcome <> 'fetched'
    group by all
),
parse_rows as (
    select
        'parse' as stage,
        'failed' as outcome,
        split_part(error, ':', 1) as reason,
        count(*) as count_pages,
        min(url) as example_url
    from parse_failures
    group by all
),
no_facts as (
    select
        'extract' as stage,
        'no facts' as outcome,
        '' as reason,
        count(*) as count_pages,
        min(a.url) as example_url
    from articles a
    where not exists (select 1 from facts f where f.article_id = a.article_id)
    having count(*) > 0
),
final as (
    select * from fetch_rows
    union all select * from parse_rows
    union all select * from no_facts
)
select * from final order by stage, outcome, reason
