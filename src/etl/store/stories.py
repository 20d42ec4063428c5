"""Read article bodies for clustering and store the article -> story map."""

from __future__ import annotations

import duckdb
import pyarrow as pa


def article_signatures(con: duckdb.DuckDBPyConnection) -> list[tuple[str, bytes | None]]:
    """(article_id, MinHash signature) of every stored article. Articles parsed before
    signatures were stored get theirs computed here from the simplified body."""
    from etl.dedupe.syndication import signature

    rows = con.execute(
        "select article_id, body_minhash, "
        "case when body_minhash is null then coalesce(body_simplified, body, '') end "
        "from articles order by 1").fetchall()
    return [(aid, bytes(blob) if blob is not None else signature(body or ""))
            for aid, blob, body in rows]


def save_stories(con: duckdb.DuckDBPyConnection, stories: dict[str, str]) -> None:
    """Replace the whole article -> story map in one transaction."""
    table = pa.table({"article_id": pa.array(list(stories), pa.string()),
                      "story_id": pa.array(list(stories.values()), pa.string())})
    con.register("staged_stories", table)
    con.execute("begin")
    try:
        con.execute("delete from article_stories")
        con.execute("insert into article_stories select article_id, story_id from staged_stories")
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    finally:
        con.unregister("staged_stories")
