"""Optional shared-token access control for the reports site.

When a token is configured (``ETL_WEB_TOKEN``), a request is let through if it carries

* ``Authorization: Bearer <token>`` — for scripts and ``curl``;
* the ``etl_web_token`` cookie — set by the server after a valid ``?token=``; or
* ``?token=<token>`` — for links pasted into chat or a Prefect artifact. The response
  sets the cookie, so the page's own links (which never carry the token) keep working.

Anything else gets 401. The token is compared in constant time, and removed from the
request's query string before the app and uvicorn's access log see it.
"""

from __future__ import annotations

import hmac
import re
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

COOKIE = "etl_web_token"
# URL- and cookie-safe without quoting, and long enough not to be guessed.
TOKEN_RE = re.compile(r"[A-Za-z0-9._~-]{16,}")
QUERY = "token"
UNAUTHORIZED_TEXT = (b"401 Unauthorized: send 'Authorization: Bearer <token>', "
                     b"or open a link with ?token=<token> once in the browser\n")


def _same(given: str | None, token: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def _headers(scope: Scope) -> dict[str, str]:
    return {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}


def _bearer(headers: dict[str, str]) -> str | None:
    scheme, _, value = headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else None


def _cookie(headers: dict[str, str]) -> str | None:
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(headers.get("cookie", ""))
    except Exception:  # noqa: BLE001 - a malformed Cookie header is just "no cookie"
        return None
    return jar[COOKIE].value if COOKIE in jar else None


class TokenAuth:
    """ASGI middleware: 401 unless the request proves it knows ``token``."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        if not TOKEN_RE.fullmatch(token):
            raise ValueError("the web token must be at least 16 characters of A-Z a-z 0-9 "
                             "- _ . ~ (e.g. python -c 'import secrets; "
                             "print(secrets.token_urlsafe(32))')")
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = parse_qsl(scope.get("query_string", b"").decode("latin-1"),
                          keep_blank_values=True)
        given = [v for k, v in query if k == QUERY]
        if given:
            # In place on purpose: uvicorn formats its access log from this same dict.
            scope["query_string"] = urlencode([(k, v) for k, v in query if k != QUERY]
                                              ).encode("latin-1")
        headers = _headers(scope)
        if _same(_bearer(headers), self.token) or _same(_cookie(headers), self.token):
            await self.app(scope, receive, send)
            return
        if len(given) == 1 and _same(given[0], self.token):
            await self.app(scope, receive, self._with_cookie(scope, send))
            return
        await send({"type": "http.response.start", "status": 401, "headers": [
            (b"content-type", b"text/plain; charset=utf-8"),
            (b"www-authenticate", b'Bearer realm="etl-web"'),
            (b"cache-control", b"no-store"),
        ]})
        await send({"type": "http.response.body", "body": UNAUTHORIZED_TEXT})

    def _with_cookie(self, scope: Scope, send: Send) -> Send:
        secure = "; Secure" if scope.get("scheme") == "https" else ""
        cookie = (f"{COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict{secure}"
                  ).encode("latin-1")

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message,
                           "headers": [*message.get("headers", []), (b"set-cookie", cookie)]}
            await send(message)

        return send_with_cookie
