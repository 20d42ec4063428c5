"""DNS rebinding: connections go to the address the guard vetted, never to a second answer.

Names under .test never resolve through the system resolver, so a fetch of such a name
that succeeds proves the connection used the injected resolver's vetted address. To let
the guard accept 127.0.0.1 as "public" for these names, is_public_address is patched;
127.0.0.2 and 10.x stay non-public. Nothing leaves 127.0.0.0/8.
"""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler

import pytest

from etl.errors import BlockedURL
from etl.fetch import guard
from etl.fetch.client import fetch_all, fetch_all_async, open_fetcher
from etl.fetch.guard import AddressBook, vet_url
from etl.settings import Settings
from tests.loopback import LoopbackServer, respond, self_signed

PAGE = b"<html><body><p>page</p></body></html>"


def ok(h: BaseHTTPRequestHandler, n: int) -> None:
    respond(h, 200, PAGE)


class Resolver:
    """Scripted DNS: host -> successive answers (the last one repeats); records calls."""

    def __init__(self, answers: dict[str, list[list[str]]]) -> None:
        self.answers = answers
        self.calls: list[tuple[str, int]] = []

    def __call__(self, host: str, port: int) -> Sequence[str]:
        self.calls.append((host, port))
        if host not in self.answers:
            raise OSError(f"no such host {host}")
        queue = self.answers[host]
        return queue.pop(0) if len(queue) > 1 else queue[0]


@pytest.fixture
def loopback_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    real = guard.is_public_address
    monkeypatch.setattr(guard, "is_public_address",
                        lambda a: ipaddress.ip_address(a) == ipaddress.ip_address("127.0.0.1")
                        or real(a))


def settings(**kw: object) -> Settings:
    return Settings(max_retries=0, read_timeout=2, connect_timeout=2, total_timeout=4,
                    obey_robots=False).with_overrides(**kw)


# --- the guard's resolution path (no sockets) ---------------------------------------------

def test_vet_url_returns_the_first_vetted_address_and_resolves_once() -> None:
    dns = Resolver({"news.example": [["93.184.216.34", "2606:2800:220:1::1"]]})
    assert vet_url("https://news.example/a", frozenset(), dns) == "93.184.216.34"
    assert dns.calls == [("news.example", 443)]


def test_any_non_public_answer_blocks_the_url() -> None:
    dns = Resolver({"mixed.example": [["93.184.216.34", "169.254.169.254"]]})
    with pytest.raises(BlockedURL, match="non-public address 169.254.169.254"):
        vet_url("http://mixed.example/", frozenset(), dns)


def test_unresolvable_and_empty_answers_block() -> None:
    with pytest.raises(BlockedURL, match="cannot resolve"):
        vet_url("http://nowhere.example/", frozenset(), Resolver({}))
    with pytest.raises(BlockedURL, match="no addresses"):
        vet_url("http://empty.example/", frozenset(), Resolver({"empty.example": [[]]}))


def test_ip_literals_and_allowed_hosts_need_no_resolver() -> None:
    dns = Resolver({})
    assert vet_url("http://93.184.216.34:8080/", frozenset(), dns) == "93.184.216.34"
    assert vet_url("http://localhost:1/", frozenset({"localhost"}), dns) is None
    assert dns.calls == []


def test_idn_host_is_resolved_by_its_wire_name() -> None:
    dns = Resolver({"xn--fiqs8s.example": [["93.184.216.34"]]})
    assert vet_url("http://中国.example/", frozenset(), dns) == "93.184.216.34"
    assert dns.calls == [("xn--fiqs8s.example", 80)]


def test_address_book_refuses_names_the_guard_never_vetted() -> None:
    book = AddressBook(frozenset({"localhost"}))
    with pytest.raises(BlockedURL, match="not vetted"):
        book.address_for("evil.example")
    book.pin("http://News.Example:8080/x", "93.184.216.34")
    assert book.address_for("news.example") == "93.184.216.34"
    assert book.address_for("localhost") == "localhost"  # allowed: resolved as usual
    assert book.address_for("93.184.216.34") == "93.184.216.34"
    with pytest.raises(BlockedURL, match="non-public"):
        book.address_for("10.0.0.1")


# --- end to end on loopback ---------------------------------------------------------------

@pytest.mark.usefixtures("loopback_is_public")
def test_name_is_fetched_from_the_vetted_address_with_its_own_host_header() -> None:
    def hop(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 302, b"", {"Location": "/ok"})

    dns = Resolver({"rebind.test": [["127.0.0.1"]]})
    with LoopbackServer({"/r": hop, "/ok": ok}) as srv:
        url = f"http://rebind.test:{srv.port}/r"
        [page] = fetch_all([(url, "t")], settings(), resolver=dns)
    assert page.outcome == "fetched" and page.body == PAGE
    assert page.final_url == f"http://rebind.test:{srv.port}/ok"  # the name, not the IP
    assert [h["host"] for _, h in srv.requests] == [f"rebind.test:{srv.port}"] * 2
    assert len(dns.calls) == 2  # each hop vetted once; httpx never resolved the name


@pytest.mark.usefixtures("loopback_is_public")
def test_a_rebinding_answer_on_a_later_hop_is_refused_not_connected() -> None:
    def hop(h: BaseHTTPRequestHandler, n: int) -> None:
        respond(h, 302, b"", {"Location": "/ok"})

    # First answer passes the guard; the next lookup of the same name turns private.
    dns = Resolver({"rebind.test": [["127.0.0.1"], ["127.0.0.2"]]})
    with LoopbackServer({"/r": hop, "/ok": ok}) as srv:
        [page] = fetch_all([(f"http://rebind.test:{srv.port}/r", "t")], settings(),
                           resolver=dns)
    assert page.outcome == "skipped" and "non-public address 127.0.0.2" in page.reason
    assert srv.hits["/r"] == 1 and srv.hits["/ok"] == 0


def test_pinned_client_cannot_reach_an_unvetted_name() -> None:
    async def go() -> None:
        async with open_fetcher(settings()) as fetcher:
            with pytest.raises(BlockedURL, match="not vetted"):
                await fetcher.client.get("http://rebind.test:9/")

    asyncio.run(go())


def test_allowed_localhost_is_fetched_by_name() -> None:
    with LoopbackServer({"/ok": ok}) as srv:
        [page] = fetch_all([(f"http://localhost:{srv.port}/ok", "t")],
                           settings(allow_hosts=frozenset({"localhost"})))
    assert page.outcome == "fetched"
    assert srv.requests[0][1]["host"] == f"localhost:{srv.port}"


def test_allowed_ip_literal_is_fetched() -> None:
    with LoopbackServer({"/ok": ok}) as srv:
        [page] = fetch_all([(srv.url("/ok"), "t")],
                           settings(allow_hosts=frozenset({"127.0.0.1"})))
    assert page.outcome == "fetched"


@pytest.mark.usefixtures("loopback_is_public")
def test_https_to_a_pinned_address_checks_the_certificate_against_the_name() -> None:
    server_ctx, client_ctx = self_signed("rebind.test")
    dns = Resolver({"rebind.test": [["127.0.0.1"]], "other.test": [["127.0.0.1"]]})

    async def go(port: int) -> list:
        async with open_fetcher(settings(), resolver=dns, verify=client_ctx) as fetcher:
            good = await fetcher.fetch(f"https://rebind.test:{port}/ok", "t")
            # Same address, other name: the kept-alive connection must not be reused,
            # and the certificate (for rebind.test only) must fail for other.test.
            bad = await fetcher.fetch(f"https://other.test:{port}/ok", "t")
            return [good, bad]

    with LoopbackServer({"/ok": ok}, tls=server_ctx) as srv:
        good, bad = asyncio.run(go(srv.port))
    assert good.outcome == "fetched" and good.final_url.startswith("https://rebind.test:")
    assert bad.outcome == "failed" and "CERTIFICATE_VERIFY_FAILED" in bad.reason
    assert srv.hits["/ok"] == 1


def test_fetch_all_async_accepts_a_resolver() -> None:
    dns = Resolver({})
    pages = asyncio.run(fetch_all_async([("http://nowhere.test/", "t")], settings(),
                                        resolver=dns))
    assert pages[0].outcome == "skipped" and "cannot resolve nowhere.test" in pages[0].reason
    assert pages[0].attempts == []


def test_pinned_connection_reports_a_server_close_as_readable() -> None:
    # httpcore drops a pooled connection whose socket turned readable (closed by the
    # server); the pinned stream answers that from the socket it looked up once.
    async def main() -> tuple[bool, bool, bool]:
        closed = asyncio.Event()

        async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await closed.wait()
            writer.close()

        server = await asyncio.start_server(serve, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        backend = guard.PinnedBackend(AddressBook(frozenset({"127.0.0.1"})))
        stream = await backend.connect_tcp("127.0.0.1", port)
        idle = stream.get_extra_info("is_readable")
        closed.set()
        for _ in range(100):
            await asyncio.sleep(0.01)
            if stream.get_extra_info("is_readable"):
                break
        after = stream.get_extra_info("is_readable")
        has_socket = stream.get_extra_info("socket") is not None
        await stream.aclose()
        server.close()
        await server.wait_closed()
        return idle, after, has_socket

    assert asyncio.run(main()) == (False, True, True)
