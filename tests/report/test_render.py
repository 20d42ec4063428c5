"""Render the workbook with LibreOffice headless (skipped where soffice is not installed)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from etl.report.workbook import write_briefing
from tests.report.test_workbook import data

pytestmark = pytest.mark.slow


@pytest.mark.skipif(shutil.which("soffice") is None,
                    reason="LibreOffice (soffice) not installed; CI installs "
                           "libreoffice-calc-nogui")
def test_workbook_renders_to_pdf(tmp_path: Path) -> None:
    book = write_briefing(data(), tmp_path / "briefing-2024-W43.xlsx")
    subprocess.run(
        ["soffice", "--headless", "--norestore",
         f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(book)],
        check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "briefing-2024-W43.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                              check=True).stdout.decode("utf-8")
        assert "Weekly briefing 2024-W43" in text
        assert "5.1万亿元" in text
