"""The downloads site through Starlette's TestClient on a temp reports folder."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from starlette.testclient import TestClient

from etl.web.app import XLSX_MEDIA_TYPE, create_app
from etl.web.catalog import list_reports, safe_file
from tests.web.conftest import TOKEN

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def client(reports_dir: Path) -> TestClient:
    return TestClient(create_app(reports_dir))


def weeks_on_index(text: str) -> list[str]:
    return re.findall(r'<tr data-week="([^"]+)"', text)


def test_index_lists_workbooks_newest_first_with_manifest_counts(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    # W40 is a symlink out of the folder, tmp*.xlsx a half-written file: neither listed.
    assert weeks_on_index(r.text) == ["2024-W43", "2024-W42", "2024-W41"]
    row = r.text.split('<tr data-week="2024-W43">')[1].split("</tr>")[0]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
    assert cells[1] == "2024-10-28 08:05"  # manifest's generated_at, shown in Beijing time
    assert cells[2].endswith("KB")
    assert cells[3:6] == ["6", "2", "0"]  # articles, facts, quotes from the manifest
    assert 'href="/download/briefing-2024-W43.xlsx"' in row
    w41 = r.text.split('<tr data-week="2024-W41">')[1].split("</tr>")[0]
    assert re.findall(r"<td[^>]*>(.*?)</td>", w41)[3:6] == ["", "", ""]  # no manifest


def test_index_of_an_empty_or_missing_folder(tmp_path: Path) -> None:
    r = TestClient(create_app(tmp_path / "absent")).get("/")
    assert r.status_code == 200 and "No briefings yet" in r.text


def test_download_is_the_workbook_as_an_attachment(client: TestClient,
                                                   reports_dir: Path) -> None:
    r = client.get("/download/briefing-2024-W43.xlsx")
    assert r.status_code == 200
    assert r.headers["content-type"] == XLSX_MEDIA_TYPE
    assert r.headers["content-disposition"] == 'attachment; filename="briefing-2024-W43.xlsx"'
    assert r.content == (reports_dir / "briefing-2024-W43.xlsx").read_bytes()
    wb = load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames[0] == "Summary"
    assert r.headers["x-content-type-options"] == "nosniff"


def sheet_top_figures(path: Path) -> tuple[list[str], list[list[object]]]:
    """The Top figures block read independently, with openpyxl in normal mode."""
    rows = [[c for c in r] for r in load_workbook(path)["Summary"].iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(rows) if r and r[0] == "Top figures")
    block = []
    for r in rows[start + 2:]:
        if not any(v is not None for v in r):
            break
        block.append(r)
    return [str(h) for h in rows[start + 1] if h is not None], block


def test_preview_shows_summary_and_top_figures_escaped(client: TestClient,
                                                       reports_dir: Path) -> None:
    r = client.get("/week/2024-W43")
    assert r.status_code == 200
    assert "<dt>Articles</dt><dd>6</dd>" in r.text
    headers, figures = sheet_top_figures(reports_dir / "briefing-2024-W43.xlsx")
    assert len(figures) == 2
    table = r.text.split("<h2>Top figures</h2>")[1]
    assert re.findall(r"<th>(.*?)</th>", table) == [html.escape(h) for h in headers]
    assert len(re.findall(r"<tr><td", table)) == len(figures)
    for row in figures:
        for value in row:
            if isinstance(value, str):
                assert html.escape(value) in table, value
    assert "&lt;b&gt;港口&lt;/b&gt;" in table and "<b>港口" not in r.text
    assert 'href="/download/briefing-2024-W43.xlsx"' in r.text


def test_preview_of_a_broken_workbook_degrades(client: TestClient, reports_dir: Path) -> None:
    (reports_dir / "briefing-2024-W39.xlsx").write_bytes(b"not a zip")
    r = client.get("/week/2024-W39")
    assert r.status_code == 200 and "No preview: cannot read the workbook" in r.text


@pytest.mark.parametrize("path", [
    "/download/..%2Fsecret%2Fbriefing-2024-W40.xlsx",
    "/download/..%2F..%2Fetc%2Fpasswd",
    "/download/%2Fetc%2Fpasswd",
    "/download/%2E%2E%2Fnotes.txt",
    "/download/notes.txt",
    "/download/tmpab12cd.xlsx",
    "/download/briefing-2024-W43.json",
    "/download/briefing-2024-W40.xlsx",  # symlink to a file outside the folder
    "/download/briefing-2024-W99.xlsx",
    "/download/BRIEFING-2024-W43.XLSX",
    "/download/briefing-2024-W43.xlsx%00.txt",
    "/week/..%2Fsecret",
    "/week/2024-W40",
    "/week/2024-W43.xlsx",
    "/notes.txt",
    "/reports/briefing-2024-W43.xlsx",
    "/download/",
    "/favicon.ico",
])
def test_anything_else_is_404(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404, path
    assert "outside" not in r.text and "internal" not in r.text


def test_safe_file_refuses_traversal_and_absolute_names(reports_dir: Path) -> None:
    for name in ["../secret/briefing-2024-W40.xlsx", "/etc/passwd", str(reports_dir /
                 "briefing-2024-W43.xlsx"), "briefing-2024-W40.xlsx", ".", ""]:
        assert safe_file(reports_dir, name) is None, name
    assert safe_file(reports_dir, "briefing-2024-W43.xlsx") is not None


def test_symlink_inside_the_folder_is_served(reports_dir: Path) -> None:
    (reports_dir / "briefing-2024-W44.xlsx").symlink_to(reports_dir / "briefing-2024-W43.xlsx")
    assert [e.week for e in list_reports(reports_dir)][0] == "2024-W44"


class TestToken:
    """With a token, every route needs it: header, cookie, or ?token= once."""

    @pytest.fixture
    def client(self, reports_dir: Path) -> TestClient:
        return TestClient(create_app(reports_dir, token=TOKEN))

    def test_without_credentials_401(self, client: TestClient) -> None:
        for path in ["/", "/download/briefing-2024-W43.xlsx", "/week/2024-W43", "/nope"]:
            r = client.get(path)
            assert r.status_code == 401, path
            assert r.headers["www-authenticate"].startswith("Bearer")
            assert "2024-W43" not in r.text

    def test_wrong_token_401(self, client: TestClient) -> None:
        assert client.get("/", headers={"Authorization": "Bearer nope"}).status_code == 401
        assert client.get("/", headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401
        assert client.get("/?token=nope").status_code == 401
        assert client.get(f"/?token={TOKEN}&token=nope").status_code == 401
        client.cookies.set("etl_web_token", "nope")
        assert client.get("/").status_code == 401

    def test_bearer_header(self, client: TestClient) -> None:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        assert client.get("/", headers=auth).status_code == 200
        r = client.get("/download/briefing-2024-W43.xlsx", headers=auth)
        assert r.status_code == 200 and r.headers["content-type"] == XLSX_MEDIA_TYPE
        assert client.get("/nope", headers=auth).status_code == 404

    def test_query_token_sets_a_cookie_for_the_next_clicks(self, client: TestClient) -> None:
        r = client.get(f"/?token={TOKEN}")
        assert r.status_code == 200 and "2024-W43" in r.text
        cookie = r.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        assert TOKEN not in r.text  # page links never carry the token
        assert client.get("/download/briefing-2024-W43.xlsx").status_code == 200

    def test_query_token_is_scrubbed_before_the_app_sees_it(self, reports_dir: Path) -> None:
        seen: list[bytes] = []
        app = create_app(reports_dir, token=TOKEN)

        async def spy(scope, receive, send):  # type: ignore[no-untyped-def]
            await app(scope, receive, send)
            if scope["type"] == "http":  # what a server's access log would format now
                seen.append(scope["query_string"])

        TestClient(spy).get(f"/?a=1&token={TOKEN}")
        assert seen == [b"a=1"]  # the scope dict was rewritten in place (access log)

    def test_weak_token_is_refused(self, reports_dir: Path) -> None:
        with pytest.raises(ValueError, match="at least 16"):
            create_app(reports_dir, token="short")
