"""Dated references consistent with a publication date.

A speech of March 2021 speaks of 党的十九大 and 十九届五中全会, of “十四五” and of
党史学习教育; one of 2023 speaks of 党的二十大. :func:`era_for` gives, for a date, the
references that were current then, so that generated documents age the way real ones
do and the platform's staleness rules have something true to find.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

# Congresses and plenums by date; a plenum counts only after its own congress.
_CONGRESSES = (
    (datetime.date(2012, 11, 8), "十八"),
    (datetime.date(2017, 10, 18), "十九"),
    (datetime.date(2022, 10, 16), "二十"),
)
_PLENUMS = (
    (datetime.date(2015, 10, 29), "十八届五中全会"),
    (datetime.date(2016, 10, 27), "十八届六中全会"),
    (datetime.date(2018, 2, 28), "十九届三中全会"),
    (datetime.date(2019, 10, 31), "十九届四中全会"),
    (datetime.date(2020, 10, 29), "十九届五中全会"),
    (datetime.date(2021, 11, 11), "十九届六中全会"),
    (datetime.date(2023, 2, 28), "二十届二中全会"),
    (datetime.date(2024, 7, 18), "二十届三中全会"),
    (datetime.date(2025, 10, 23), "二十届四中全会"),
)

# Campaign phrases by year; each holds its dated reference as the platform spells it.
_CAMPAIGNS: dict[int, tuple[str, ...]] = {
    2016: (
        "深入开展“两学一做”学习教育",
        "巩固拓展“三严三实”专题教育成果",
        "坚决打赢脱贫攻坚战",
        "决胜全面建成小康社会",
    ),
    2017: ("推进“两学一做”学习教育常态化制度化", "坚决打赢脱贫攻坚战", "决胜全面建成小康社会"),
    2018: ("深入推进扫黑除恶专项斗争", "打好打赢脱贫攻坚战", "决胜全面建成小康社会"),
    2019: (
        "巩固深化不忘初心、牢记使命主题教育成果",
        "深入推进扫黑除恶专项斗争",
        "坚决打赢脱贫攻坚战",
        "确保如期全面建成小康社会",
    ),
    2020: (
        "统筹抓好疫情防控和经济社会发展",
        "有效应对新冠肺炎疫情带来的冲击",
        "决战决胜脱贫攻坚",
        "确保全面建成小康社会",
        "扎实推进扫黑除恶专项斗争",
    ),
    2021: (
        "扎实开展党史学习教育",
        "毫不放松抓好常态化疫情防控",
        "巩固拓展脱贫攻坚成果",
        "在全面建成小康社会的基础上乘势而上",
    ),
    2022: ("推动党史学习教育常态化长效化", "科学精准抓好疫情防控", "巩固拓展脱贫攻坚成果"),
    2023: ("巩固拓展脱贫攻坚成果",),
    2024: ("巩固拓展脱贫攻坚成果",),
    2025: ("巩固拓展脱贫攻坚成果",),
    2026: (),
}

# The campaign that the 主题教育 topic is about, by year (only those years are drawn).
_EDUCATION = {
    2016: "“两学一做”学习教育",
    2017: "“两学一做”学习教育",
    2019: "不忘初心、牢记使命主题教育",
    2021: "党史学习教育",
    2023: "主题教育",
    2024: "党纪学习教育",
    2025: "中央八项规定精神学习教育",
}

# Bodies of 今年是……之年: they hold no other reference, so the token stays unambiguous.
YEAR_BODIES = (
    "全面完成各项目标任务的关键之年",
    "推动高质量发展的攻坚之年",
    "深化改革、攻坚克难的关键之年",
    "承上启下、继往开来的重要之年",
    "巩固成果、提质增效的攻坚之年",
    "打基础、利长远的关键之年",
    "爬坡过坎、转型发展的关键之年",
)


@dataclass(frozen=True)
class Era:
    """The dated vocabulary of one publication date.

    Attributes:
        year: The publication year.
        congress: The current congress reference, always with 党的 (党的十九大).
        plenum: The latest plenum after that congress, without 党的, or "".
        guide: The guiding-thought phrase of the time.
        plans: Sentences about the five-year plans current that year.
        campaigns: Phrases naming the campaigns of that year.
        education: The 主题教育 campaign of that year, or "".
    """

    year: int
    congress: str
    plenum: str
    guide: str
    plans: tuple[str, ...]
    campaigns: tuple[str, ...]
    education: str


def era_for(day: datetime.date) -> Era:
    """Return the dated vocabulary current on ``day``."""
    congress_day, congress = max(c for c in _CONGRESSES if c[0] <= day)
    plenums = [p for d, p in _PLENUMS if congress_day < d <= day]
    if day >= datetime.date(2017, 10, 18):
        guide = "以习近平新时代中国特色社会主义思想为指导"
    else:
        guide = "深入贯彻落实党中央决策部署和上级各项要求"
    return Era(
        year=day.year,
        congress=f"党的{congress}大",
        plenum=plenums[-1] if plenums else "",
        guide=guide,
        plans=_plans(day.year),
        campaigns=_CAMPAIGNS[day.year],
        education=_EDUCATION.get(day.year, "主题教育"),
    )


def education_years() -> tuple[int, ...]:
    """Years in which a 主题教育 campaign ran (the years that topic is drawn from)."""
    return tuple(sorted(_EDUCATION))


def _plans(year: int) -> tuple[str, ...]:
    # Five-year plans are written with quotes, as officials write them; the reference
    # is the bare 十三五 / 十四五 / 十五五 between them.
    if year <= 2019:
        return ("确保“十三五”规划目标任务顺利完成", "推动“十三五”各项目标任务落地落实")
    if year == 2020:
        return ("确保“十三五”规划圆满收官", "科学谋划“十四五”发展思路")
    if year <= 2024:
        return ("推动“十四五”规划目标任务落地见效", "奋力开创“十四五”发展新局面")
    if year == 2025:
        return ("高质量完成“十四五”规划目标任务", "科学谋划“十五五”发展思路")
    return ("推动“十五五”规划开好局、起好步", "确保“十五五”开局之年各项任务落到实处")
