-- all data-quality rows (not week-bound: failures have no publication week)
select stage, outcome, reason, count_pages, example_url
from data_quality
order by stage, outcome, reason
