"""Make a saved .xlsx byte-reproducible: pin document timestamps and ZIP entry dates."""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from datetime import datetime
from pathlib import Path

COPY_CHUNK = 1 << 20  # entries are streamed: a 100k-row sheet never sits in memory whole


def normalize_xlsx(path: Path, when: datetime) -> None:
    """Rewrite the ZIP with fixed timestamps (openpyxl stamps 'now' into core.xml)."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    tmp = path.with_suffix(".normalizing")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            if item.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*",
                              rb"\g<1>" + stamp, src.read(item))
                out.writestr(info, data)
                continue
            with src.open(item) as reader, out.open(info, "w") as writer:
                shutil.copyfileobj(reader, writer, COPY_CHUNK)
    os.replace(tmp, path)
