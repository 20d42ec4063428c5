"""Script folding and language detection."""

from __future__ import annotations

import subprocess
import sys

from etl.parse.script import detect_language, to_simplified


def test_to_simplified_folds_traditional() -> None:
    assert to_simplified("天津推動產業鏈協同發展") == "天津推动产业链协同发展"
    assert to_simplified("already simplified 中国") == "already simplified 中国"
    assert to_simplified("") == ""


def test_detect_simplified() -> None:
    assert (
        detect_language("京津冀三地规模以上工业企业营业收入5.1万亿元，利润总额2310亿元。")
        == "zh-Hans"
    )


def test_detect_traditional() -> None:
    assert (
        detect_language("京津冀三地規模以上工業企業營業收入5.1萬億元，利潤總額2310億元。")
        == "zh-Hant"
    )


def test_detect_english() -> None:
    text = "Tianjin's industrial chains grew quickly this year, officials said on Friday."
    assert detect_language(text) == "en"


def test_detect_chinese_with_latin_terms() -> None:
    assert detect_language("人工智能(AI)与GDP增长：2024年国内生产总值同比增长5%。") == "zh-Hans"


def test_detect_other() -> None:
    assert detect_language("") == "other"
    assert detect_language("12345 67890 !!!") == "other"
    assert detect_language("Привет, как дела? Это русский текст.") == "other"


def test_import_is_cheap() -> None:
    code = (
        "import sys, etl.parse.script, etl.parse.repair, etl.parse.decode; "
        "print('opencc' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
