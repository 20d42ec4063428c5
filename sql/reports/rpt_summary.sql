-- one row: the week's headline counts (facts: every mention; figures: once per story)
with week_row as (
    select * from weekly_counts where published_week = $week
),
figures as (
    select count(*) as count_figures from story_facts where published_week = $week
),
stories as (
    select count(distinct story_id) as count_stories
    from stg_articles where published_week = $week
),
failures as (
    select coalesce(sum(count_pages), 0) as count_failures
    from data_quality where outcome = 'failed'
),
final as (
    select
        $week as week,
        coalesce((select first_published_date from week_row), null) as first_published_date,
        coalesce((select last_published_date from week_row), null) as last_published_date,
        coalesce((select count_articles from week_row), 0) as count_articles,
        coalesce((select count_facts from week_row), 0) as count_facts,
        (select count_figures from figures) as count_figures,
        (select count_stories from stories) as count_stories,
        coalesce((select count_quotes from week_row), 0) as count_quotes,
        coalesce((select count_sources from week_row), 0) as count_sources,
        (select count_failures from failures) as count_failures
)
select * from final
