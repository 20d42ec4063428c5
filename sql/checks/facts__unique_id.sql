-- facts.fact_id is unique
select fact_id, count(*) as n from facts group by fact_id having count(*) > 1
