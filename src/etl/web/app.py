"""The downloads site: an index of weekly workbooks, downloads and per-week previews.

It serves only files named ``briefing-<YYYY>-W<ww>.xlsx`` that sit directly in the
reports folder (see etl.web.catalog for the path rules). Routes:

* ``/`` — the index, newest week first (from the JSON manifests);
* ``/download/<name>`` — the workbook, as an attachment;
* ``/week/<YYYY-Www>`` — the week's summary and Top figures (from the workbook);
* anything else — 404.
"""

from __future__ import annotations

from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from etl.web.auth import TokenAuth
from etl.web.catalog import entry_for, list_reports, workbook_name
from etl.web.pages import index_page, preview_page
from etl.web.preview import read_preview

XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SECURITY_HEADERS = [
    # No scripts, no frames, no third-party anything: the pages are static HTML + CSS.
    (b"content-security-policy", b"default-src 'none'; style-src 'unsafe-inline'; "
                                 b"img-src 'self'; form-action 'none'; "
                                 b"frame-ancestors 'none'; base-uri 'none'"),
    (b"x-content-type-options", b"nosniff"),
    # Article links in previews must not leak a ?token= URL to news sites.
    (b"referrer-policy", b"no-referrer"),
]


class SecurityHeaders:
    """ASGI middleware adding SECURITY_HEADERS to every HTTP response (401/404 too)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message,
                           "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _reports_dir(request: Request) -> Path:
    return request.app.state.reports_dir


async def index(request: Request) -> Response:
    """The list of weekly workbooks, newest first."""
    return HTMLResponse(index_page(list_reports(_reports_dir(request))),
                        headers={"cache-control": "no-cache"})


async def download(request: Request) -> Response:
    """One workbook as an attachment with its own file name."""
    name = request.path_params["name"]
    entry = entry_for(_reports_dir(request), name)
    if entry is None:
        raise HTTPException(404)
    # no-cache, not no-store: a rebuilt week keeps its name, so revalidate by ETag.
    return FileResponse(_reports_dir(request).resolve() / entry.file,
                        media_type=XLSX_MEDIA_TYPE, filename=entry.file,
                        headers={"cache-control": "no-cache"})


async def week_preview(request: Request) -> Response:
    """The week's Summary sheet: headline counts and Top figures."""
    name = workbook_name(request.path_params["week"])
    entry = entry_for(_reports_dir(request), name) if name else None
    if entry is None:
        raise HTTPException(404)
    preview = read_preview(_reports_dir(request).resolve() / entry.file)
    return HTMLResponse(preview_page(entry, preview), headers={"cache-control": "no-cache"})


async def not_found(request: Request, exc: Exception) -> Response:
    """Short plain-text errors; no framework details."""
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    text = {404: "Not found", 405: "Method not allowed"}.get(status, "Error")
    return PlainTextResponse(f"{status} {text}\n", status_code=status)


def create_app(reports_dir: Path, token: str | None = None) -> ASGIApp:
    """The site over ``reports_dir``; with ``token``, every request must carry it."""
    app = Starlette(
        routes=[
            Route("/", index),
            Route("/download/{name}", download),
            Route("/week/{week}", week_preview),
        ],
        exception_handlers={HTTPException: not_found},
    )
    app.state.reports_dir = Path(reports_dir)
    wrapped: ASGIApp = TokenAuth(app, token) if token else app
    return SecurityHeaders(wrapped)
