"""The workbook read back: sheets, tables, formats, links, injection guard, determinism."""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

from openpyxl import load_workbook

from etl.report.workbook import BriefingData, top_figures, write_briefing

FORMULA_TITLE = '=HYPERLINK("http://evil.example","点击")港口数据'


def data() -> BriefingData:
    fact = {
        "value": 5.1e12, "unit": "元", "approx": None, "metric": "营业收入",
        "subject": "京津冀三地规模以上工业企业", "period": "2024-H1", "text": "5.1万亿元",
        "sentence": "营业收入5.1万亿元", "article_title": FORMULA_TITLE,
        "published_date": date(2024, 10, 21), "url": "http://127.0.0.1:1/news/a.html",
    }
    pct = {**fact, "value": 5.2, "unit": "%", "text": "5.2%", "metric": "同比增长"}
    return BriefingData(
        week="2024-W43", week_start=date(2024, 10, 21),
        summary={"count_articles": 1, "count_facts": 2, "count_quotes": 1, "count_sources": 1,
                 "count_failures": 0, "first_published_date": date(2024, 10, 21),
                 "last_published_date": date(2024, 10, 21)},
        key_figures=[pct, fact],
        quotes=[{"speaker": "王浩", "role": "副区长", "org": "宝坻区", "text": "+我们将……",
                 "article_title": "t", "published_date": date(2024, 10, 21),
                 "url": "http://127.0.0.1:1/news/a.html"}],
        articles=[{"title": FORMULA_TITLE, "published_at": datetime(2024, 10, 21, 9, 30),
                   "source_name": "渤海经济网", "authors": "张三", "language": "zh-Hans",
                   "count_facts": 2, "count_quotes": 1, "url": "http://127.0.0.1:1/news/a.html"}],
        data_quality=[{"stage": "fetch", "outcome": "failed", "reason": "HTTP 404",
                       "count_pages": 1, "example_url": "http://127.0.0.1:1/x"}],
        generated_from="test",
    )


def test_sheets_tables_and_formats(tmp_path: Path) -> None:
    path = write_briefing(data(), tmp_path / "briefing-2024-W43.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Summary", "Key figures", "Trends", "Quotes", "Organisations",
                             "People", "Places", "Articles", "Data quality", "About"]
    ws = wb["Key figures"]
    assert ws.freeze_panes == "A2"
    assert list(ws.tables) == ["Keyfigures"]
    headers = [c.value for c in ws[1]]
    assert headers[:7] == ["Figure", "Value", "Unit", "Approx", "Metric", "Subject", "Period"]
    pct = {h: c for h, c in zip(headers, ws[2], strict=True)}
    assert pct["Value"].value == 0.052 and pct["Value"].number_format.endswith("%")
    row = {h: c for h, c in zip(headers, ws[3], strict=True)}
    assert row["Value"].value == 5.1e12 and row["Unit"].value == "元"
    assert row["Figure"].value == "5.1万亿元"
    assert row["Period"].value == "2024-H1"
    assert row["Source link"].hyperlink.target == "http://127.0.0.1:1/news/a.html"
    assert row["Published"].number_format == "yyyy-mm-dd"


def test_formula_text_is_never_a_formula(tmp_path: Path) -> None:
    wb = load_workbook(write_briefing(data(), tmp_path / "b.xlsx"))
    cell = wb["Articles"]["A2"]
    assert cell.hyperlink is None
    assert cell.value == FORMULA_TITLE
    assert cell.data_type == "s" and cell.quotePrefix
    quote = wb["Quotes"]["D2"]
    assert quote.data_type == "s" and quote.quotePrefix
    assert quote.value == "+我们将……" and quote.data_type == "s"


def test_simplified_column_only_where_text_differs(tmp_path: Path) -> None:
    d = data()
    rows = [{**d.key_figures[0], "sentence": "營業收入5.1萬億元"}, d.key_figures[1]]
    d = BriefingData(**{**d.__dict__, "key_figures": rows,
                        "simplify": lambda t: t.replace("營業", "营业").replace("萬億", "万亿")})
    ws = load_workbook(write_briefing(d, tmp_path / "s.xlsx"))["Key figures"]
    headers = [c.value for c in ws[1]]
    col = headers.index("Sentence (simplified)")
    assert ws[2][col].value == "营业收入5.1万亿元"
    assert ws[3][col].value is None


def test_summary_has_charts_when_there_is_data(tmp_path: Path) -> None:
    d = data()
    d = BriefingData(**{**d.__dict__,
                        "province_mentions": [{"province": "天津市", "count_mentions": 9},
                                              {"province": "河北省", "count_mentions": 4}],
                        "tracked_metric": [
                            {"metric": "吞吐量", "subject": "天津港", "unit": "标箱",
                             "published_week": w, "latest_value": v}
                            for w, v in (("2024-W41", 1.7e7), ("2024-W43", 1.85e7))]})
    ws = load_workbook(write_briefing(d, tmp_path / "c.xlsx"))["Summary"]
    assert len(ws._charts) == 2


def test_same_data_gives_byte_identical_workbooks(tmp_path: Path) -> None:
    a = write_briefing(data(), tmp_path / "a.xlsx").read_bytes()
    b = write_briefing(data(), tmp_path / "b.xlsx").read_bytes()
    assert hashlib.sha256(a).hexdigest() == hashlib.sha256(b).hexdigest()


def test_top_figures_put_money_first() -> None:
    tops = top_figures(data().key_figures)
    assert [f["unit"] for f in tops] == ["元", "%"]


def test_control_characters_in_scraped_text_are_dropped(tmp_path: Path) -> None:
    d = data()
    rows = [{**d.key_figures[0], "sentence": "营业\x00收入\x0b5.1万亿元", "metric": "=\x07x"}]
    d = BriefingData(**{**d.__dict__, "key_figures": rows})
    ws = load_workbook(write_briefing(d, tmp_path / "ctl.xlsx"))["Key figures"]
    headers = [c.value for c in ws[1]]
    row = dict(zip(headers, ws[2], strict=True))
    assert row["Sentence"].value == "营业收入5.1万亿元"
    assert row["Metric"].value == "=x" and row["Metric"].data_type == "s"
