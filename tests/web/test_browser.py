"""A real browser (Debian's headless Chromium via Playwright) against the site on uvicorn.

Skipped when /usr/bin/chromium or the playwright package is missing. Set
ETL_WEB_SCREENSHOT=/tmp/etl-web.png to keep a screenshot of the index page.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from openpyxl import load_workbook

from etl.web.app import create_app
from tests.web.conftest import TOKEN

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.slow
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture
def site(reports_dir: Path) -> Iterator[str]:
    """The app (token on) under uvicorn on 127.0.0.1, in a thread, on a free port."""
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))  # bound before the server starts: no port race
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(reports_dir, token=TOKEN), log_level="warning",
                            lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} missing: apt-get install -y chromium")
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright missing: pip install -e '.[dev]'")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def test_click_newest_workbook_downloads_it(site: str, browser: Browser,
                                            tmp_path: Path) -> None:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    assert page.goto(f"{site}/").status == 401  # the token is required...
    page.goto(f"{site}/?token={TOKEN}")  # ...and a ?token= link opens the site once
    rows = page.locator("tbody.weeks tr")
    assert rows.first.get_attribute("data-week") == "2024-W43"  # newest first
    assert rows.count() == 3
    shot = os.environ.get("ETL_WEB_SCREENSHOT")
    page.screenshot(path=shot or str(tmp_path / "index.png"), full_page=True)

    with page.expect_download() as info:
        rows.first.locator("a.download").click()  # carries no token: the cookie does
    download = info.value
    assert download.suggested_filename == "briefing-2024-W43.xlsx"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    wb = load_workbook(saved)
    assert wb.sheetnames[0] == "Summary"
    assert wb["Summary"]["B2"].value == "2024-W43"

    page.goto(f"{site}/week/2024-W42")
    assert page.locator("h1").inner_text() == "Weekly briefing 2024-W42"
    assert page.locator("table tbody tr").count() == 2  # the two Top figures
    context.close()
