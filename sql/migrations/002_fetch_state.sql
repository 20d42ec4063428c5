-- Fetch state kept between runs: HTTP validators for conditional GET (may-change sources).

create table if not exists fetch_validators (
    url varchar primary key,        -- canonical URL requested
    etag varchar,
    last_modified varchar,          -- the Last-Modified header, verbatim
    content_hash varchar,           -- sha256 of the body these validators describe
    updated_at timestamptz not null
);
