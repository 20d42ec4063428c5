-- every fact points at a stored article
select f.fact_id, f.article_id from facts f
left join articles a using (article_id)
where a.article_id is null
