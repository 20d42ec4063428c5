-- percentages within sane bounds (a growth of 1,000x is a parse error, not news)
select fact_id, value, text from facts
where unit = '%' and (value < -100 or value > 100000 or isnan(value))
