"""Workbook build time and peak memory for a large week (default 100,000 facts).

    python bench/report.py [--facts 100000]

Prints the figures, then one JSON line with them.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from etl.report.workbook import BriefingData, write_briefing

METRICS = ["营业收入", "利润总额", "集装箱吞吐量", "技术合同成交额", "同比增长", "港城班列"]
UNITS = ["元", "%", "标箱", "家", "列", "吨"]


def synthetic(n_facts: int, seed: int = 7) -> BriefingData:
    """A week with n_facts figures spread over n_facts/20 articles."""
    rnd = random.Random(seed)
    n_articles = max(n_facts // 20, 1)
    facts = []
    for i in range(n_facts):
        a = i % n_articles
        unit = UNITS[i % len(UNITS)]
        facts.append({
            "value": round(rnd.uniform(1, 1e12 if unit == "元" else 100), 2), "unit": unit,
            "approx": None, "metric": METRICS[i % len(METRICS)], "subject": f"企业{a}",
            "period": "2024-H1", "text": "5.1万亿元", "sentence": f"第{a}篇文章的句子{i}",
            "article_title": f"文章标题{a}", "source_name": "渤海经济网", "outlets": "example.com",
            "count_outlets": 1, "published_date": date(2024, 10, 21),
            "url": f"https://example.com/news/{a}.html"})
    articles = [{"title": f"文章标题{a}", "published_at": datetime(2024, 10, 21, 9, 30),
                 "source_name": "渤海经济网", "authors": "张三", "language": "zh-Hans",
                 "count_facts": 20, "count_quotes": 1, "count_copies": 1,
                 "outlets": "example.com", "url": f"https://example.com/news/{a}.html"}
                for a in range(n_articles)]
    return BriefingData(week="2024-W43", week_start=date(2024, 10, 21),
                        summary={"count_articles": n_articles, "count_facts": n_facts},
                        key_figures=facts, quotes=[], articles=articles, data_quality=[],
                        generated_from="synthetic benchmark data")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--facts", type=int, default=100_000)
    args = ap.parse_args(argv)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    data = synthetic(args.facts)
    rss_data = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        path = write_briefing(data, Path(tmp) / "briefing.xlsx")
        secs = time.perf_counter() - start
        size = path.stat().st_size
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"facts": args.facts, "seconds": round(secs, 2),
              "facts_per_s": round(args.facts / secs), "peak_rss_mb": round(peak),
              "rss_after_data_mb": round(rss_data), "rss_start_mb": round(rss_before),
              "workbook_mb": round(size / 1e6, 1)}
    print(f"{args.facts} facts: {secs:.1f} s ({result['facts_per_s']} facts/s), "
          f"peak RSS {peak:.0f} MB (input rows alone {rss_data:.0f} MB), "
          f"workbook {size / 1e6:.1f} MB")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
