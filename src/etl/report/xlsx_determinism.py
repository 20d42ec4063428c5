"""Make a saved .xlsx byte-reproducible: pin document timestamps and ZIP entry dates."""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path


def normalize_xlsx(path: Path, when: datetime) -> None:
    """Rewrite the ZIP with fixed timestamps (openpyxl stamps 'now' into core.xml)."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path) as src:
        items = [(info.filename, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*",
                              rb"\g<1>" + stamp, data)
            info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            out.writestr(info, data)
