"""The per-document context: its random stream, its vocabulary, and template filling.

A :class:`Context` fills ``{slot}`` fields of templates with phrases chosen for one
document: its level (全县 or 全公司), topics, date (the dated references of that
time) and whether it is a template with placeholders. Banks are drawn as shuffled
decks, so a phrase rarely comes back within one document.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from gaoku.core.generator import phrases as ph
from gaoku.core.generator.era import YEAR_BODIES, era_for
from gaoku.core.generator.topics_party import PARTY_TOPICS
from gaoku.core.generator.topics_work import WORK_TOPICS

TOPIC_BANKS: dict[str, dict] = {**PARTY_TOPICS, **WORK_TOPICS}

CN = "一二三四五六七八九十"


@dataclass(frozen=True)
class Level:
    """The words that change with the level of the issuing body."""

    scope: str
    short: str
    self_name: str
    places: tuple[str, ...]
    org: str
    units: str
    members: str
    leaders: tuple[str, ...]
    leaders_plain: tuple[str, ...]
    examples: tuple[str, ...]
    examples_plain: tuple[str, ...]


LEVEL_WORDS: dict[str, Level] = {
    "省级": Level(
        "全省", "省", "我省", (), "省委", "各市州、省直各部门", "党员干部",
        ("X部长", "X书记"), ("省委有关负责同志", "分管负责同志"),
        ("XX市", "XX县"), ("一些市州", "部分省直部门"),
    ),
    "市级": Level(
        "全市", "市", "我市", ("XX市",), "市委", "各县（市、区）、市直各部门",
        "党员干部", ("X书记", "X部长", "XXX同志"), ("市委有关负责同志", "分管市领导"),
        ("XX县", "XX区"), ("一些县区", "部分市直单位"),
    ),
    "县级": Level(
        "全县", "县", "我县", ("XX县",), "县委", "各乡镇、县直各部门", "党员干部",
        ("X书记", "X县长", "X部长"), ("县委有关负责同志", "分管县领导"),
        ("XX镇", "XX乡", "XX村"), ("一些乡镇", "部分县直部门"),
    ),
    "乡镇": Level(
        "全镇", "镇", "我镇", ("XX镇",), "镇党委", "各村（社区）、镇直各单位",
        "党员干部", ("X书记", "XXX同志"), ("镇党委主要负责同志", "分管领导"),
        ("XX村",), ("一些村", "部分站所"),
    ),
    "机关单位": Level(
        "全局", "局", "我局", ("XX局", "XX单位"), "局党组", "机关各科室、局属各单位",
        "干部职工", ("XXX同志",), ("局党组主要负责同志", "分管局领导"),
        ("某某单位", "XX单位"), ("一些科室", "部分局属单位"),
    ),
    "国有企业": Level(
        "全公司", "企", "我公司", ("XX公司",), "公司党委", "各部门、各子公司",
        "干部职工", ("XXX同志", "X书记"), ("公司党委主要负责同志", "分管领导"),
        ("某某单位", "XX公司", "某某项目部"), ("一些子公司", "部分基层单位"),
    ),
    "学校": Level(
        "全校", "校", "我校", (), "学校党委", "各学院、各部门", "教职员工",
        ("X书记", "XXX同志"), ("学校党委主要负责同志", "分管校领导"),
        ("某某单位", "某某学院"), ("一些学院", "部分职能部门"),
    ),
}  # fmt: skip

# Topics a level does not speak about (a school reports no 脱贫攻坚 households).
OFF_TOPICS: dict[str, frozenset[str]] = {
    "学校": frozenset(
        ("脱贫攻坚", "乡村振兴", "基层治理", "营商环境", "生态环保", "信访维稳", "防汛减灾")
    ),
    "国有企业": frozenset(("脱贫攻坚", "乡村振兴", "基层治理", "营商环境", "信访维稳", "防汛减灾")),
}

_STATIC: dict[str, tuple[str, ...]] = {
    "A": ph.ADVERBS, "F": ph.FOUR, "ND": ph.PRINCIPLES, "MN": ph.MANNERS,
    "TG": ph.GENERIC_TASKS, "I": ph.ISSUES, "OC": ph.OUTCOMES,
    "ME": ph.MECHANISMS, "ST": ph.STAGES, "CH": ph.CHALLENGES, "AW": ph.AWARENESS,
    "NE": ph.NEGATIVES, "LG": ph.LEDGERS, "MO": ph.MODES, "PT": ph.PATTERNS,
    "TA": ph.TARGETS, "VA": ph.VALUES, "VN": ph.ACTION_HEADS, "PG": ph.PROGRESS,
    "RO": ph.ROLES, "IN": ph.INSIGHTS, "SP": ph.SELF_PROBLEMS, "MD": ph.MEDIA,
    "PE": ph.PERIODS, "MT": ph.MEETING_TASKS, "LD": ph.LEADER_DEEDS, "FG": ph.FINAL_GOALS,
    "SRC": ph.SOURCES, "DU": ph.DUTIES, "METH": ph.METHODS, "VIEW": ph.VIEWS,
    "TOOL": ph.TOOLS, "STD": ph.STANDARDS, "CHN": ph.CHANNELS, "PG2": ph.ADVANCES,
    "CA": ph.CAUSES,
    "S": ("{C}各级党组织", "各级领导干部", "广大{MB}", "{U}", "{C}上下", "各级各部门", "我们",
          "各责任单位", "各级党员领导干部"),
    "RS": ("我们", "{C}上下", "{O}", "各级各部门", "{C}各级党组织", "{L}"),
}  # fmt: skip


# Openings of tasks that already carry an adverb, so take no other.
_ADVERBIAL_STARTS = (
    "深入", "深化", "持之以恒", "严格", "坚决", "全面", "加快", "扎实", "切实", "大力", "进一步",
    "持续", "不断", "积极", "稳步", "着力", "认真", "集中", "统筹", "精准", "始终", "主动", "全力",
    "坚定", "定期", "及时",
)  # fmt: skip


class _Slots(dict):
    """Mapping for ``str.format_map`` that draws a fresh phrase for every field."""

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self._ctx = ctx

    def __missing__(self, key: str) -> str:
        value = self._ctx.slot(key)
        if "{" in value:
            value = value.format_map(self)
        return value


class Context:
    """Everything one document's phrases depend on, with its own random stream.

    Args:
        rng: The document's random stream (never the global one).
        level: One of ``LEVEL_WORDS``.
        topics: The topics, the primary one first.
        published: The publication date; it decides the dated references.
        placeholders: Whether the document is a template with placeholders.
    """

    def __init__(
        self,
        rng: random.Random,
        *,
        level: str,
        topics: tuple[str, ...],
        published: datetime.date,
        placeholders: bool,
    ) -> None:
        self.rng = rng
        self.level = LEVEL_WORDS[level]
        self.topics = topics
        self.published = published
        self.placeholders = placeholders
        self.era = era_for(published)
        self._decks: dict[str, list[str]] = {}
        self._slots = _Slots(self)
        lv = self.level
        self._fixed = {
            "C": lv.scope, "C2": lv.short, "O": lv.org, "U": lv.units,
            "MB": lv.members, "Y": f"{published.year}年", "Y1": f"{published.year - 1}年",
            # The year a plan aims at: this year, or the next once autumn has come.
            "YT": f"{published.year + (published.month > 9)}年",
            # The year a report looks back on: last year until spring, then this one.
            "RY": f"{published.year - (published.month <= 3)}年",
            "RY2": f"{published.year - (published.month <= 3) + 1}年",
            "EDU": self.era.education, "GUIDE": self.era.guide,
        }  # fmt: skip
        self._dynamic = {
            "L": self._place, "LEADER": self._leader, "EXS": self._example,
            "n": lambda: self._count(2, 60), "nn": lambda: self._count(20, 900),
            "nnn": lambda: self._count(1000, 60000),
            "pct": self._percent, "pct2": self._change, "money": self._money,
            "CONGREF": self._congress, "PLAN": self._plan, "CAMP": self._campaign,
            "YB": self._year_body, "G": self._goal, "T": self._task,
            "AT": lambda: self._adverbial(self._task()),
            "TP": lambda: self.draw(f"T:{topics[0]}", self.topic_bank("tasks")),
            "ATP": lambda: self._adverbial(self.slot("TP")),
            "NP": lambda: self.draw(f"N:{topics[0]}", self.topic_bank("nouns")),
            "ATG": lambda: self._adverbial(self.draw("TG", ph.GENERIC_TASKS)),
        }  # fmt: skip

    # -- drawing ---------------------------------------------------------------------

    def draw(self, key: str, bank: tuple[str, ...]) -> str:
        """Draw from ``bank`` as a shuffled deck named ``key``: no repeat until it runs out."""
        deck = self._decks.get(key)
        if not deck:
            deck = list(bank)
            self.rng.shuffle(deck)
            self._decks[key] = deck
        return deck.pop()

    def topic_bank(self, field: str, topic: str | None = None) -> tuple[str, ...]:
        """The ``field`` bank of ``topic`` (the primary topic by default)."""
        return TOPIC_BANKS[topic or self.topics[0]][field]

    def slot(self, key: str) -> str:
        """Return one phrase for the template field ``key`` (unfilled fields allowed)."""
        fixed = self._fixed.get(key)
        if fixed is not None:
            return fixed
        dynamic = self._dynamic.get(key)
        if dynamic is not None:
            return dynamic()
        static = _STATIC.get(key)
        if static is not None:
            return self.draw(key, static)
        field = self._TOPIC_FIELDS[key]
        if key == "W":
            # The name of the work is always the primary topic's: a speech is about one work.
            return self.topic_bank(field)[0]
        if key == "H":
            # Headings too: a secondary topic may colour the body, never the outline.
            return self.draw("H", self.topic_bank(field))
        topic = self._topic_for_sentence()
        return self.draw(f"{key}:{topic}", self.topic_bank(field, topic))

    def fill(self, template: str, **extra: str) -> str:
        """Fill every ``{slot}`` of ``template``; ``extra`` fixes some fields."""
        if not extra:
            return template.format_map(self._slots)
        slots = _Slots(self)
        slots.update({k: v.format_map(self._slots) for k, v in extra.items()})
        return template.format_map(slots)

    def pick(self, templates: tuple[str, ...], **extra: str) -> str:
        """Choose one of ``templates`` (as a deck, so rarely twice running) and fill it."""
        return self.fill(self.draw(f"@{id(templates)}", templates), **extra)

    # -- fields --------------------------------------------------------------------

    _TOPIC_FIELDS = {"N": "nouns", "P": "problems", "R": "metrics", "H": "heads", "W": "work"}

    def _topic_for_sentence(self) -> str:
        if len(self.topics) > 1 and self.rng.random() < 0.12:
            return self.rng.choice(self.topics[1:])
        return self.topics[0]

    def _task(self) -> str:
        topic = self._topic_for_sentence()
        return self.draw(f"T:{topic}", self.topic_bank("tasks", topic))

    def _adverbial(self, task: str) -> str:
        # An adverb before a task that opens with one reads badly (深入深化), and a
        # quarter of tasks go bare so that the adverbs do not become a tic.
        if task.startswith(_ADVERBIAL_STARTS) or self.rng.random() < 0.25:
            return task
        return self.draw("A", ph.ADVERBS) + task

    def _goal(self) -> str:
        if self.rng.random() < 0.55:
            return self.draw("G:topic", self.topic_bank("goals"))
        return self.draw("GG", ph.GENERIC_GOALS)

    def _place(self) -> str:
        places = self.level.places
        if self.placeholders and places and self.rng.random() < 0.7:
            return self.rng.choice(places)
        return self.level.self_name

    def _leader(self) -> str:
        if self.placeholders:
            return self.rng.choice(self.level.leaders)
        return self.rng.choice(self.level.leaders_plain)

    def _example(self) -> str:
        if self.placeholders:
            return self.rng.choice(self.level.examples)
        return self.rng.choice(self.level.examples_plain)

    def _count(self, low: int, high: int) -> str:
        # Each result names its own scale (党课 in tens, 人次 in thousands), so that
        # numbers read as plausible; templates leave some as ×× to be filled in.
        rng = self.rng
        if self.placeholders and rng.random() < 0.3:
            return rng.choice(("××", "×××", "XXX"))
        return str(rng.randint(low, high))

    def _percent(self) -> str:
        if self.placeholders and self.rng.random() < 0.3:
            return "××%"
        return f"{self.rng.uniform(86.0, 99.9):.1f}%"

    def _change(self) -> str:
        if self.placeholders and self.rng.random() < 0.3:
            return "××%"
        return f"{self.rng.uniform(2.0, 38.0):.1f}%"

    def _money(self) -> str:
        rng = self.rng
        if self.placeholders and rng.random() < 0.3:
            return "×××万元"
        if rng.random() < 0.6:
            return f"{rng.randint(60, 9800)}万元"
        return f"{rng.uniform(1.1, 48.0):.2f}亿元"

    def _congress(self) -> str:
        era = self.era
        if not era.plenum:
            return era.congress
        return self.rng.choice((f"{era.congress}和{era.plenum}", f"党的{era.plenum}", era.congress))

    def _plan(self) -> str:
        return self.rng.choice(self.era.plans)

    def _campaign(self) -> str:
        if not self.era.campaigns:
            return "推动各项重点任务落地见效"
        return self.rng.choice(self.era.campaigns)

    def _year_body(self) -> str:
        return "今年是" + self.rng.choice(YEAR_BODIES)
