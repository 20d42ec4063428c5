"""Figure display: Chinese scaling and percents."""

from etl.report.formats import display_figure, excel_value


def test_display_scales_large_amounts() -> None:
    assert display_figure(5.1e12, "元") == "5.1万亿元"
    assert display_figure(2.31e11, "元") == "2,310亿元"
    assert display_figure(1.85e7, "标箱") == "1,850万标箱"
    assert display_figure(26996, "车") == "26,996车"
    assert display_figure(2000, "家", ">") == "超2,000家"
    assert display_figure(26.5, "%") == "26.5%"


def test_excel_values() -> None:
    assert excel_value(26.5, "%") == (0.265, "0.0#%")
    assert excel_value(934.0, "列") == (934.0, "#,##0")
    assert excel_value(None, "元")[0] is None
