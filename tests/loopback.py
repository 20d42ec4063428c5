"""A tiny scriptable HTTP server on 127.0.0.1 for fetch tests (real sockets, no mocks)."""

from __future__ import annotations

import socket
import ssl
import struct
import tempfile
import threading
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

# A handler gets the request handler and how many times this path was requested before.
Route = Callable[[BaseHTTPRequestHandler, int], None]


def respond(h: BaseHTTPRequestHandler, status: int, body: bytes = b"",
            headers: dict[str, str] | None = None) -> None:
    """Send a complete response."""
    h.send_response(status)
    merged = {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body))}
    merged.update(headers or {})
    for k, v in merged.items():
        h.send_header(k, v)
    h.end_headers()
    h.wfile.write(body)


def reset(h: BaseHTTPRequestHandler) -> None:
    """Abort the connection with a TCP RST (SO_LINGER 0), as a crashing server would."""
    h.wfile.flush()
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    h.connection.close()
    h.close_connection = True


def send_head(h: BaseHTTPRequestHandler, status: int, headers: dict[str, str]) -> None:
    """Status line and headers only; the route writes (or drips, or cuts) the body."""
    h.send_response(status)
    for k, v in headers.items():
        h.send_header(k, v)
    h.end_headers()


def send_chunk(h: BaseHTTPRequestHandler, data: bytes) -> None:
    """One chunk of a Transfer-Encoding: chunked body (an empty chunk ends it)."""
    h.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")


class LoopbackServer:
    """Serves ``routes`` (path -> Route) on 127.0.0.1 with an ephemeral port."""

    def __init__(self, routes: dict[str, Route], host: str = "127.0.0.1",
                 tls: ssl.SSLContext | None = None) -> None:
        self.routes = routes
        self.hits: Counter[str] = Counter()
        self.requests: list[tuple[str, dict[str, str]]] = []  # (path, headers) in order
        self.inflight = 0
        self.max_inflight = 0
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802
                path = self.path.split("?")[0]
                with outer._lock:
                    count = outer.hits[path]
                    outer.hits[path] += 1
                    outer.requests.append((self.path, {k.lower(): v
                                                       for k, v in self.headers.items()}))
                    outer.inflight += 1
                    outer.max_inflight = max(outer.max_inflight, outer.inflight)
                route = outer.routes.get(path)
                try:
                    if route is None:
                        respond(self, 404, b"not found")
                    else:
                        route(self, count)
                except OSError:
                    self.close_connection = True  # the client hung up (timeouts, limits)
                finally:
                    with outer._lock:
                        outer.inflight -= 1

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self._server = ThreadingHTTPServer((host, 0), Handler)
        self._server.daemon_threads = True
        if tls is not None:  # the handshake runs in accept(); a failed one drops the client
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self.port = self._server.server_address[1]
        self.base_url = f"{'https' if tls else 'http'}://{host}:{self.port}"
        # A short poll interval: shutdown() waits up to one interval, in every test.
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,),
                                        daemon=True)

    def url(self, path: str) -> str:
        """Absolute URL of a path on this server."""
        return self.base_url + path

    def __enter__(self) -> LoopbackServer:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._server.shutdown()
        self._server.server_close()


def self_signed(hostname: str) -> tuple[ssl.SSLContext, ssl.SSLContext]:
    """(server context, client context trusting it) for a certificate naming only
    ``hostname``: a client checking any other name fails verification."""
    import datetime

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostname)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(hours=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(hostname)]), False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
            .sign(key, hashes.SHA256()))
    pem = cert.public_bytes(serialization.Encoding.PEM)
    key_pem = key.private_bytes(serialization.Encoding.PEM,
                                serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    with tempfile.TemporaryDirectory() as tmp:
        cert_path, key_path = f"{tmp}/cert.pem", f"{tmp}/key.pem"
        with open(cert_path, "wb") as f:
            f.write(pem)
        with open(key_path, "wb") as f:
            f.write(key_pem)
        server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        server.load_cert_chain(cert_path, key_path)
    client = ssl.create_default_context(cadata=pem.decode())
    return server, client
