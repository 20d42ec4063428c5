"""The address guard, tested without sending packets anywhere."""

from __future__ import annotations

import pytest

from etl.errors import BlockedURL
from etl.fetch.guard import check_url, is_public_address


@pytest.mark.parametrize("address", ["10.0.0.1", "172.16.5.4", "192.168.1.1", "127.0.0.1",
                                     "169.254.169.254", "::1", "fe80::1", "0.0.0.0"])
def test_non_public_addresses(address: str) -> None:
    assert not is_public_address(address)


def test_public_address() -> None:
    assert is_public_address("8.8.8.8")


def test_scheme_and_loopback_refused_unless_allowed() -> None:
    with pytest.raises(BlockedURL, match="scheme"):
        check_url("file:///etc/passwd", frozenset())
    with pytest.raises(BlockedURL, match="non-public"):
        check_url("http://127.0.0.1:8000/", frozenset())
    check_url("http://127.0.0.1:8000/", frozenset({"127.0.0.1"}))
