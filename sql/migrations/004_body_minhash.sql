-- The body's MinHash signature, computed when the page is parsed, so the syndication
-- stage compares stored signatures instead of re-reading every body.
alter table articles add column if not exists body_minhash blob;
