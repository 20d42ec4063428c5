-- mentions of places in the week $week, summed by province (for the Summary chart)
select
    province,
    sum(count_mentions) as count_mentions
from entity_mentions
where published_week = $week and kind = 'place' and province is not null
group by all
order by count_mentions desc, province
