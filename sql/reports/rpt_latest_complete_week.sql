-- the latest ISO week with articles that has ended before the current local week
select max(published_week) as week
from weekly_counts
where published_week < cast(isoyear(current_date) as varchar) || '-W'
    || lpad(cast(week(current_date) as varchar), 2, '0')
