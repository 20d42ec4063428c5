"""Every `etl` subcommand has help text and is documented in the README."""

from __future__ import annotations

import argparse
from pathlib import Path

from etl.cli import build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_subcommand_has_help_and_a_readme_mention() -> None:
    subs = _subcommands()
    assert {"parse", "ingest", "report", "demo"} <= set(subs)
    for name, sub in subs.items():
        assert sub.format_help().strip(), name
        assert f"etl {name}" in README, f"`etl {name}` is not in README.md"


def test_readme_leads_with_the_two_commands() -> None:
    head = README[:1500]
    assert "make demo" in head and "make test" in head
