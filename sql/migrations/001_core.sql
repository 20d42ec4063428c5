-- Core tables: every stage's stored output, so each stage can be re-run alone.

create table if not exists runs (
    run_id varchar primary key,
    flow varchar not null,
    started_at timestamptz not null,
    finished_at timestamptz,
    summary json
);

-- One row per HTTP request (retries are separate rows).
create table if not exists fetch_attempts (
    run_id varchar not null,
    url varchar not null,
    source varchar,
    attempted_at timestamptz not null,
    retry integer not null,
    status integer,
    bytes bigint,
    elapsed_ms double,
    error_class varchar,
    error_message varchar
);

-- One row per URL per run: the final outcome after retries.
create table if not exists fetch_outcomes (
    run_id varchar not null,
    url varchar not null,
    source varchar,
    outcome varchar not null,      -- fetched | unchanged | skipped | failed
    reason varchar,
    status integer,
    final_url varchar,
    attempts integer not null,
    content_hash varchar,
    decided_at timestamptz not null,
    primary key (run_id, url)
);

-- Raw bytes are kept so any page can be re-decoded and re-parsed later.
create table if not exists raw_responses (
    url varchar not null,
    content_hash varchar not null,  -- sha256 of body
    final_url varchar,
    fetched_at timestamptz not null,
    status integer,
    content_type varchar,
    headers json,
    body blob not null,
    kind varchar not null default 'article', -- article | listing (feed, sitemap)
    primary key (url, content_hash)
);

create table if not exists articles (
    article_id varchar primary key, -- sha256 of the canonical URL, first 16 hex digits
    url varchar not null,
    content_hash varchar not null,
    title varchar,
    published_at timestamptz,
    published_text varchar,
    authors varchar[],
    editors varchar[],
    source_name varchar,
    agency varchar,
    dateline_place varchar,
    language varchar,
    charset varchar,
    charset_decision varchar,
    canonical_url varchar,
    body varchar,
    body_simplified varchar,
    captions varchar[],
    repairs json,
    warnings varchar[],
    parser_version varchar not null,
    parsed_at timestamptz not null
);

create table if not exists facts (
    fact_id varchar primary key,    -- article_id + sequence number
    article_id varchar not null,
    seq integer not null,
    text varchar not null,
    value double not null,
    unit varchar not null,
    approx varchar,
    metric varchar,
    subject varchar,
    period varchar,
    sentence varchar,
    start_offset integer,
    end_offset integer,
    extractor_version varchar not null
);

create table if not exists quotes (
    quote_id varchar primary key,
    article_id varchar not null,
    seq integer not null,
    speaker varchar not null,
    role varchar,
    org varchar,
    text varchar not null,
    start_offset integer,
    end_offset integer,
    extractor_version varchar not null
);

-- Pages whose parse raised: kept with the reason, retried on the next re-parse.
create table if not exists parse_failures (
    url varchar not null,
    content_hash varchar not null,
    error varchar not null,
    failed_at timestamptz not null,
    primary key (url, content_hash)
);
