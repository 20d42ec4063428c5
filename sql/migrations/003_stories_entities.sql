-- Syndication clusters and named entities.

-- One row per article: the story (cluster of near-duplicate bodies) it belongs to.
create table if not exists article_stories (
    article_id varchar primary key,
    story_id varchar not null
);

-- One row per (article, kind, name): organisations, people and places named.
create table if not exists entities (
    article_id varchar not null,
    kind varchar not null,          -- org | person | place
    name varchar not null,          -- simplified form
    mentions integer not null,
    province varchar,               -- places: the province-level division
    extractor_version varchar not null,
    primary key (article_id, kind, name)
);
