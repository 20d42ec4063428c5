"""Common Chinese (and English) news layouts outside the dev set, as hand-written pages
with hand-written expectations: government notice, e-paper, WeChat article, portal with
editor/reviewer lines, press release with attachments, Q&A interview, traditional-Chinese
wire story, English wire story."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.parse import parse_path

FIX = Path(__file__).parent / "fixtures" / "layouts"

CASES = {
    "gov.html": dict(
        title="关于做好今年春季农田水利建设工作的通知",
        published="2024-03-12T10:30:00+08:00",
        author=[],
        source="某某市农业农村局",
        has=["各县（区）农业农村局，市直有关单位：", "一、明确建设重点",
             "市级财政安排专项资金2800万元", "确保各项任务落到实处。"],
        absent=["当前位置", "浏览次数", "字号", "打印本页", "关闭窗口", "相关信息", "春季植树",
                "备案号"],
    ),
    "epaper.html": dict(
        title="老街区里的新生活",
        published="2024-05-08",
        author=["张晓明", "李华"],
        source=None,
        has=["清晨七点，东门街道的巷子里", "由大家商量着定。"],
        absent=["本报记者", "第A03版", "上一篇", "全市一季度外贸", "版权所有", "城市更新让居民",
                "某某区推进老旧小区改造见闻"],
    ),
    "wechat.html": dict(
        title="一座小城的夜市经济",
        published="2024-07-02T21:15:00+08:00",
        author=["陈小雨"],
        source="城乡观察笔记",
        has=["夏天一到，城南的夜市又亮起了灯。", "夜市带旺了周边", "并安排专人在收摊后清扫。"],
        absent=["点击上方蓝字", "河堤夜市一角", "傍晚时分的河堤", "长按识别二维码", "阅读原文",
                "在看"],
    ),
    "portal.html": dict(
        title="社区食堂开进老旧小区 老人吃饭有了好去处",
        published="2024-09-18T08:42:10+08:00",
        author=["赵一鸣", "钱小芳"],
        source="某某晚报",
        editors=["孙丽丽", "周正", "吴小敏"],
        has=["某某晚报讯（记者 赵一鸣 通讯员 钱小芳）", "给予每餐三元的补贴。"],
        absent=["编辑：", "审核：", "校对：", "分享到", "热门推荐", "地铁三号线", "Copyright"],
    ),
    "press.html": dict(
        title="关于公布2024年度市级科技创新平台认定名单的通知",
        published="2024-11-05",
        author=[],
        source="某某市科学技术局",
        has=["各有关单位：", "现将名单予以公布。", "每年12月底前报送年度运行报告。"],
        absent=["认定名单.docx", "认定名单.xlsx", "阅读次数", "打印本页", "版权所有"],
    ),
    "interview.html": dict(
        title="专访｜让更多年轻人愿意留在乡村",
        published="2024-08-21T09:30:00+08:00",
        author=["马小军"],
        source="某某新闻网",
        has=["记者：这几年返乡创业的年轻人多吗？", "周明：明显多起来了。",
             "问：下一步还有哪些打算？", "答：我们准备建一个返乡创业服务中心"],
        absent=["责任编辑", "相关新闻", "乡村民宿"],
    ),
    "tw.html": dict(
        title="颱風過後農損逾億元 農委會啟動現金救助",
        published="2024-07-26T14:20:00+08:00",
        author=["王美玲"],
        source="中央社",
        editors=["陳小華"],
        has=["（中央社記者王美玲台北26日電）颱風造成各地農作物受損", "已請批發市場加強調節供應。"],
        absent=["編輯", "1130726", "台北報導", "相關新聞", "Facebook", "不得轉載"],
    ),
    "en_reuters.html": dict(
        title="Copper hits two-month high as supply worries grow",
        published="2024-05-13T17:12:00+08:00",
        author=["Anna Whitfield", "Rahul Mehta"],
        source=None,
        has=["LONDON, May 13 (Example News) - Copper prices rose", "since March, data showed."],
        absent=["Reporting by", "Editing by", "Read next", "All rights reserved", "By Anna"],
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_layout(name):
    want = CASES[name]
    art = parse_path(FIX / name)
    assert art.title == want["title"]
    assert art.published == want["published"]
    assert art.author == want["author"]
    if want.get("source") is not None:
        assert art.source_name == want["source"]
    if "editors" in want:
        assert art.editors == want["editors"]
    for line in want["has"]:
        assert line in art.body, line
    for bad in want["absent"]:
        assert bad not in art.body, bad
    assert not any(w.startswith(("parse-failed", "no-body")) for w in art.warnings)
