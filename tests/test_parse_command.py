"""`etl parse`: one JSON line per input, an error line instead of a crash."""

from __future__ import annotations

import io
import json
from pathlib import Path

from etl.parse_command import run_parse


def test_one_line_per_input_with_errors_for_bad_inputs(tmp_path: Path) -> None:
    good = tmp_path / "a.html"
    good.write_text("<html><head><title>港口数据_某网</title></head><body><h1>港口数据</h1>"
                    "<p>今年前三季度，天津港集装箱吞吐量1850万标箱，同比增长5.2%。</p>"
                    "</body></html>", encoding="utf-8")
    garbage = tmp_path / "b.html"
    garbage.write_bytes(bytes(range(256)) * 20)
    out = io.StringIO()
    failed = run_parse([str(good), str(garbage), str(tmp_path / "missing.html")], out)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [Path(r["path"]).name for r in rows] == ["a.html", "b.html", "missing.html"]
    assert rows[0]["title"] == "港口数据"
    assert {"text", "value", "unit", "approx", "metric", "subject", "period",
            "sentence"} <= set(rows[0]["facts"][0])
    assert "error" not in rows[1]
    assert "FileNotFoundError" in rows[2]["error"] and failed == 1
