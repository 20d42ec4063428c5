"""English quotations: attribution, role and organisation, each on a sentence written here."""

from __future__ import annotations

from etl.facts import extract_quotes


def _q(body: str) -> list[tuple[str, str | None, str | None, str]]:
    return [(q.speaker, q.role, q.org, q.text[:12]) for q in extract_quotes(body)]


def test_said_after_quote_with_apposition():
    body = '"We will reopen the bridge in spring," said Peter Hale, the mayor of Dunmore.'
    assert _q(body) == [("Peter Hale", "mayor", "Dunmore", "We will reop")]


def test_name_apposition_said_colon_before_quote():
    body = "Lena Ortiz, chief executive of Brightway Foods, said: “Orders doubled this year.”"
    assert _q(body) == [("Lena Ortiz", "chief executive", "Brightway Foods", "Orders doubl")]


def test_surname_and_pronoun_refer_back_and_same_paragraph_goes_on():
    body = (
        "Lena Ortiz runs the company.\n"
        '"It was a hard winter for us," Ortiz told reporters. "Now we are hiring again."\n'
        "“Nobody expected demand to recover this fast,” she said."
    )
    assert [x[0] for x in _q(body)] == ["Lena Ortiz"] * 3


def test_title_before_name_and_partial_quote():
    body = 'Harbor Bank spokesman Tim Reyes said the lender "has no plans to close branches."'
    assert _q(body) == [("Tim Reyes", "spokesman", "Harbor Bank", "has no plans")]
    body = "Dunmore Mayor Peter Hale said, “Every family deserves a safe home.”"
    assert _q(body) == [("Peter Hale", "Mayor", "Dunmore", "Every family")]


def test_organisations_titles_and_new_sentences_are_not_speakers():
    body = (
        'Brightway Foods said in a statement: "We regret the delay to our customers."\n'
        'The report, titled "Looking Ahead to the Future", came out on Monday.\n'
        '"Prices will rise again next year," the analyst said.'
    )
    assert extract_quotes(body) == []
    body = 'Ann Lee, a nurse, said: "We were tired." She added that "help came late".'
    assert [x[0] for x in _q(body)] == ["Ann Lee", "Ann Lee"]


def test_english_phrase_in_chinese_text_keeps_chinese_rules():
    body = "工程师许明远说：“我们把它叫作“Smart Grid”。”许明远表示，“open source is the key”。"
    assert all(q.speaker == "许明远" for q in extract_quotes(body))
