"""Syndicated copies cluster into one story; different reports stay apart."""

from __future__ import annotations

from etl.dedupe.syndication import cluster_stories

STORY = ("新华社天津10月25日电 今年前三季度，天津港集装箱吞吐量1850万标箱，同比增长5.2%。"
         "天津市交通运输委员会副主任表示，将进一步完善海铁联运网络，加快建设智慧港口，"
         "推动港口与腹地城市的物流通道建设，服务京津冀协同发展。")
OTHER = ("河北省今年上半年新增风电装机容量120万千瓦，海上风电项目进展顺利。"
         "省发展改革委有关负责人介绍，全省将继续推进新能源基地建设，优化电网结构，"
         "提高可再生能源消纳能力，确保年底前完成既定目标任务。")


def test_copies_with_different_furniture_join_one_story() -> None:
    copies = [("b", "来源：某某网\n" + STORY + "\n责任编辑：张三"),
              ("a", STORY),
              ("c", STORY + "（完）"),
              ("d", OTHER)]
    stories = cluster_stories(copies)
    assert stories["a"] == stories["b"] == stories["c"] == "a"  # smallest id names the story
    assert stories["d"] == "d"


def test_short_bodies_are_their_own_story() -> None:
    assert cluster_stories([("x", "短讯。"), ("y", "短讯。")]) == {"x": "x", "y": "y"}


def test_deterministic() -> None:
    pairs = [("a", STORY), ("b", STORY + "。"), ("c", OTHER)]
    assert cluster_stories(pairs) == cluster_stories(list(reversed(pairs)))
