-- every quote points at a stored article and names a speaker
select q.quote_id, q.speaker from quotes q
left join articles a using (article_id)
where a.article_id is null or q.speaker is null or q.speaker = ''
