-- a fact has a value, a unit and the text it was read from
select fact_id, value, unit, text from facts
where value is null or unit is null or unit = '' or text is null or text = ''
