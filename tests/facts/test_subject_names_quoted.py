"""Names the article marks by form: a term it quotes again and again (an app, a programme)
is a name a figure can be measured for; a hyphenated technical code (a virus, a standard)
is not an entity any figure is measured for."""

from etl.facts import extract_facts
from etl.facts.facts import _doc_names


def _subject(body: str, text: str) -> str | None:
    return next(f.subject for f in extract_facts(body, "2021-05-01") if f.text == text)


_APP = (
    "研究团队分析了“晴雨记录”应用程序的数据。许多城市的居民都下载了“晴雨记录”。"
    "研究者介绍，“晴雨记录”的界面十分简单。\n"
    "该研究使用“晴雨记录”用户的自报数据，他们还接受了XYZ-7抗体检测。检测结果：410人为阳性。\n"
)


def test_a_term_quoted_three_times_is_a_name():
    assert "晴雨记录" in _doc_names(_APP).names


def test_a_term_quoted_once_or_twice_is_no_name():
    body = "他说这是“慢生活”。大家都喜欢“慢生活”。云帆公司今年盈利。"
    assert "慢生活" not in _doc_names(body).names


def test_a_quoted_number_is_no_name():
    body = "“618”来了。“618”的销量很高。“618”期间，商家纷纷降价。"
    assert "618" not in _doc_names(body).names


def test_a_hyphenated_code_is_no_subject_for_people():
    assert "XYZ-7" not in _doc_names(_APP).names
    assert _subject(_APP, "410人") == "晴雨记录"


def test_a_latin_product_name_stays_a_name():
    body = "Nova Pad发布了。Nova Pad售价3000元。Nova Pad的屏幕很大。"
    assert "Nova Pad" in _doc_names(body).names
