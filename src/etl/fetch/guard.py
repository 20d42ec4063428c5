"""Refuse URLs that point into private, loopback or link-local networks (SSRF guard)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from etl.errors import BlockedURL

ALLOWED_SCHEMES = frozenset({"http", "https"})


def is_public_address(address: str) -> bool:
    """True when the IP address is globally routable (not private/loopback/link-local...)."""
    ip = ipaddress.ip_address(address)
    return not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def check_url(url: str, allow_hosts: frozenset[str]) -> None:
    """Raise BlockedURL unless the URL is http(s) and its host resolves only to public
    addresses, or the host is explicitly allowed."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        raise BlockedURL(f"scheme {parts.scheme!r} not allowed")
    host = (parts.hostname or "").lower()
    if not host:
        raise BlockedURL("URL has no host")
    if host in allow_hosts:
        return
    try:
        infos = socket.getaddrinfo(host, parts.port or 80, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise BlockedURL(f"cannot resolve {host}: {exc}") from exc
    for info in infos:
        address = info[4][0]
        if not is_public_address(address):
            raise BlockedURL(f"{host} resolves to non-public address {address}")


async def check_url_async(url: str, allow_hosts: frozenset[str]) -> None:
    """check_url without blocking the event loop on DNS (resolution runs in a thread)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.scheme.lower() not in ALLOWED_SCHEMES or not host or host in allow_hosts:
        check_url(url, allow_hosts)  # no DNS needed: answer (or raise) right away
        return
    try:
        ipaddress.ip_address(host)
    except ValueError:
        await asyncio.to_thread(check_url, url, allow_hosts)
        return
    check_url(url, allow_hosts)  # an IP literal needs no lookup
