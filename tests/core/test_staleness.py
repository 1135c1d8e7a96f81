"""Stale references: hand-written templates of other years, and the real work reports of
2000–2015 read in 2026."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest

from gaoku.core.calendar import parse_calendar
from gaoku.core.staleness import stale_references, written_for

TODAY = date(2026, 12, 5)
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"

TEMPLATE_2020 = (
    "今年是脱贫攻坚决胜之年。2020年，我们要深入学习贯彻党的十九大和十九届四中全会精神。"
    "党的十八大以来，全县面貌发生深刻变化。2019年全县生产总值增长6.5%，"
    "“十三五”规划目标任务即将完成。2020年要抓好疫情防控和复工复产，"
    "到2025年基本实现城乡融合。"
)


def _stale(text: str, today: date = TODAY) -> dict[str, str | None]:
    return {r.text: r.suggestion for r in stale_references(text, today)}


def test_resuming_work_after_a_holiday_is_no_pandemic_term():
    # 复工复产 is said every spring and after every safety stoppage; only 疫情防控 dates
    # the 2020 sense, and that name is in the calendar.
    assert _stale("当前正值节后复工复产的关键时期，各类企业集中开工。") == {}


def test_a_template_of_2020_read_in_2026():
    found = _stale(TEMPLATE_2020)
    assert found["今年是脱贫攻坚决胜之年"] is None  # flagged for rewriting, never replaced
    assert found["十九大"] == "二十大"
    assert found["十九届四中全会"] == "二十届四中全会"
    assert found["“十三五"[1:]] == "十五五"
    assert found["2020年"] == "2026年" and found["2019年"] == "2025年"
    assert found["到2025年"[1:]] == "2031年"  # a target moves with the text
    assert "疫情防控" in found
    assert "十八大" not in found  # 党的十八大以来 is still said


def test_the_current_references_of_2026_are_not_stale():
    text = (
        "2026年是“十五五”开局之年。今年是“十五五”开局之年，要深入学习贯彻党的二十大和"
        "二十届四中全会精神，扎实开展树立和践行正确政绩观学习教育。2025年全县经济平稳。"
    )
    assert stale_references(text, TODAY) == []


def test_the_same_text_read_in_its_own_year_has_nothing_stale():
    assert _stale(TEMPLATE_2020, date(2020, 6, 1)) == {}


def test_positions_cover_the_reference_and_never_overlap():
    refs = stale_references(TEMPLATE_2020, TODAY)
    for ref in refs:
        assert TEMPLATE_2020[ref.start : ref.end] == ref.text
    assert all(a.end <= b.start for a, b in itertools.pairwise(refs))


def test_the_calendar_file_is_what_decides():
    cal = parse_calendar("某某专项行动 | 2019–2021 | 常态化治理 | 专项行动已于2021年结束\n")
    found = stale_references("要继续推进某某专项行动。", TODAY, cal=cal)
    assert [(r.text, r.suggestion, r.why) for r in found] == [
        ("某某专项行动", "常态化治理", "专项行动已于2021年结束")
    ]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")
@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2000, {"十五大", "“八七”扶贫攻坚计划"}),
        (2005, {"十六大", "十一五", "十五"}),
        (2010, {"十七大", "十一五", "十二五", "国际金融危机"}),
        (2015, {"十二五", "十三五", "全面建成小康社会"}),
    ],
)
def test_real_work_reports_show_their_own_times_references_as_stale_in_2026(year, expected):
    text = (CORPUS / f"gwr{year}.txt").read_text("utf-8")
    found = _stale(text)
    assert expected <= set(found)
    assert written_for(text, TODAY) == year
    assert any(t.endswith("年") and s == f"{TODAY.year}年" for t, s in found.items())


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("@session 十四届 | 2023", "@session"),
        ("某某行动 | 2023-13", "2023-13"),
        ("某某行动 | 2024–2023", "结束早于开始"),
        ("@plan 十五五", "需要时期"),
        ("a | 2020 | b | c | d", "最多四栏"),
    ],
)
def test_a_calendar_line_that_is_not_an_entry_is_named_with_its_number(line, why):
    with pytest.raises(ValueError, match=rf"第 3 行：.*{why}"):
        parse_calendar(f"# 注释\n\n{line}\n")


def test_a_name_the_site_added_is_found_and_judged_by_its_period():
    from gaoku.core.structure import find_dated_references

    own = parse_calendar("清溪县“项目攻坚年”活动 | 2021 | | 该活动是2021年的\n")
    text = "今年我们继续开展清溪县“项目攻坚年”活动，抓项目、促投资。"
    assert "清溪县“项目攻坚年”活动" not in find_dated_references(text)
    assert find_dated_references(text, own) == ["清溪县“项目攻坚年”活动"]
    stale = stale_references(text, TODAY, cal=own)
    assert [(r.text, r.why) for r in stale] == [("清溪县“项目攻坚年”活动", "该活动是2021年的")]
