"""Read article bodies for clustering and store the article -> story map."""

from __future__ import annotations

import duckdb
import pyarrow as pa


def article_bodies(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(article_id, simplified body) of every stored article."""
    rows = con.execute(
        "select article_id, coalesce(body_simplified, body, '') from articles order by 1")
    return [(a, b) for a, b in rows.fetchall()]


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
