"""English news pages (hand-written fixtures): title, author, date and body must be at
least as good as trafilatura's own output on the same page."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.parse import parse_path
from etl.parse.bylines import english_byline

FIX = Path(__file__).parent / "fixtures"

CASES = {
    "en_wire.html": dict(
        title="Port strike halts grain exports for a third day",
        author=["Jane Doe"],
        published="2024-03-14T17:30:00+08:00",
        first="ROTTERDAM, March 14 (Example Wire) - Dock workers extended",
        last="look for cargoes elsewhere.",
        absent=["Related coverage", "Union votes for strike", "Share this article",
                "All rights reserved", "Grain ships wait outside"],
    ),
    "en_local.html": dict(
        title="City council approves new bike lanes",
        author=["Maria Lopez", "Tom Baker"],
        published="2023-06-03T07:05:00+08:00",
        first="SPRINGFIELD - The city council voted 7-2",
        last="is too infrequent.",
        absent=["Most read", "High school team", "Copyright", "Published June 2", "By Maria"],
    ),
    "en_tech.html": dict(
        title="Chipmaker posts record quarter on AI demand",
        author=["Priya Raman"],
        published="2024-01-25",
        first="The company reported revenue of $18.1 billion",
        last="following the results.",
        absent=["Great article", "Tags:", "Advertise", "3 comments"],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_english_fixture(name):
    want = CASES[name]
    art = parse_path(FIX / name)
    assert art.title == want["title"]
    assert art.author == want["author"]
    assert art.published == want["published"]
    lines = art.body.split("\n")
    assert lines[0].startswith(want["first"])
    assert lines[-1].endswith(want["last"])
    for bad in want["absent"]:
        assert bad not in art.body
    assert art.language in (None, "en")


@pytest.mark.parametrize("name", sorted(CASES))
def test_english_body_no_worse_than_trafilatura(name):
    trafilatura = pytest.importorskip("trafilatura")
    html = (FIX / name).read_text(encoding="utf-8")
    ref = trafilatura.extract(html) or ""
    art = parse_path(FIX / name)
    # every paragraph trafilatura keeps that is prose (not headline/byline) is in ours
    for para in ref.split("\n"):
        if len(para) > 80:
            assert para in art.body
    assert len(art.body) <= len(ref)


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("By Maria Lopez and Tom Baker, Staff Writers", ["Maria Lopez", "Tom Baker"]),
        ("By Ann Lee, Bo Chan & Cy Ray", ["Ann Lee", "Bo Chan", "Cy Ray"]),
        ("BY JOHN SMITH | Reuters", ["JOHN SMITH"]),
        ("By the way, this is a sentence that goes on.", None),
    ],
)
def test_english_byline(line, names):
    assert english_byline(line) == names
