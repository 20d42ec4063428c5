"""Money facts on the gold bodies: our extractor against jionlp's money extraction.

Both read the same gold body text (so parsing errors do not count against either), and
only gold facts whose unit is a currency are scored, with the reference scorer's matching
(same unit, value within 0.1%).
"""

from __future__ import annotations

import time
from types import ModuleType
from typing import Any

from etl.facts import extract_facts

CURRENCIES = frozenset({"元", "美元", "欧元", "港元", "日元", "英镑", "澳元", "加元", "韩元",
                        "卢布", "新台币", "澳门元", "人民币"})


def _ours(body: str, published: str | None) -> list[dict[str, Any]]:
    return [f.as_dict() for f in extract_facts(body, published) if f.unit in CURRENCIES]


def _jionlp_extractor() -> Any:
    import jionlp  # heavy: imported only when the baseline runs

    return jionlp.ner.extract_money


def _theirs(extract: Any, body: str) -> list[dict[str, Any]]:
    out = []
    for item in extract(body, with_parsing=True):
        detail = item.get("detail") or {}
        try:
            value = float(detail.get("num"))
        except (TypeError, ValueError):
            continue  # ranges come back as lists; the baseline gets no credit for them
        unit = "元" if detail.get("case") == "人民币" else detail.get("case")
        out.append({"text": item.get("text"), "value": value, "unit": unit,
                    "sentence": item.get("text")})
    return out


def compare(score: ModuleType, golds: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Precision/recall/articles-per-second of both systems on the gold money facts."""
    try:
        jio_extract = _jionlp_extractor()
    except ImportError:
        jio_extract = None
    systems: dict[str, Any] = {"etl": lambda g: _ours(g["body"], g.get("published"))}
    if jio_extract is not None:
        systems["jionlp"] = lambda g: _theirs(jio_extract, g["body"])
    pages = [g for g in golds if g.get("body") and g.get("facts") is not None]
    results = {}
    for name, run in systems.items():
        gold_n = pred_n = matched = 0
        start = time.perf_counter()
        for g in pages:
            gold = [f for f in g["facts"] if f.get("unit") in CURRENCIES]
            pred = run(g)
            gold_n += len(gold)
            pred_n += len(pred)
            matched += len(score.match_facts(gold, pred))
        secs = time.perf_counter() - start
        results[name] = {
            "money_gold": gold_n, "money_pred": pred_n,
            "money_precision": round(matched / pred_n, 4) if pred_n else None,
            "money_recall": round(matched / gold_n, 4) if gold_n else None,
            "articles_per_s": round(len(pages) / secs, 1) if secs else None,
        }
    return results
