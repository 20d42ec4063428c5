-- entities point at a stored article, have a known kind and a positive mention count
select e.article_id, e.kind, e.name, e.mentions from entities e
left join articles a using (article_id)
where a.article_id is null or e.kind not in ('org', 'person', 'place') or e.mentions < 1
