-- one article per canonical URL
select url, count(*) as n from articles group by url having count(*) > 1
