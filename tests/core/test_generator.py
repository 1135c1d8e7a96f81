"""The document generator: determinism, realism of shape, and labels that match the text.

The labels are checked against the conventions of ``gaoku.core.structure`` as its module
docstring states them, read independently here (marker patterns, first sentences), so
that a generator bug shows up as a broken convention rather than as a parser failure.
"""

from __future__ import annotations

import datetime
import itertools
import re
from collections import Counter

import pytest
from rapidfuzz import fuzz

from gaoku.core.generator import (
    DOC_TYPES,
    LEVELS,
    TOPICS,
    GeneratedDocument,
    generate_corpus,
    generate_document,
)

PLACEHOLDER_TOKENS = {
    "X部长", "X书记", "X县长", "XX县", "XX市", "XX区", "XX镇", "XX乡", "XX村", "XXX同志",
    "XX单位", "XX局", "XX公司", "××", "×××", "XXX", "某某", "某某单位", "＿＿＿＿",
}  # fmt: skip
# A number left blank with what it counts is one placeholder with it.
COUNTED = re.compile("(?:XXX|×××|××)(?:万元|公里|[人场家剂]次|[个件次场人名项处户起条家篇亩座%])")
CAMPAIGNS = {
    "脱贫攻坚", "全面建成小康社会", "不忘初心、牢记使命主题教育", "党史学习教育",
    "扫黑除恶专项斗争", "两学一做", "三严三实", "新冠肺炎疫情", "疫情防控",
}  # fmt: skip
# Learning campaigns and the first year they can be named.
EDUCATION_SINCE = {"主题教育": 2023, "党纪学习教育": 2024, "中央八项规定精神学习教育": 2025}
LENGTHS = {
    "讲话稿": (1500, 6000),
    "工作报告": (1800, 6000),
    "心得体会": (1000, 2500),
    "述职报告": (1500, 4500),
    "发言材料": (1200, 4000),
    "方案": (1500, 5000),
    "总结": (1500, 5000),
}

_CN = "[一二三四五六七八九十]+"
# Heading markers by level, highest first, as the structure docstring lists them.
LEVEL_MARKERS = (
    re.compile(rf"^{_CN}、"),
    re.compile(rf"^第{_CN}(?:，|、|部分)"),
    re.compile(rf"^（{_CN}）"),
    re.compile(r"^\d+[.、．]"),
    re.compile(r"^（\d+）"),
)
POINT_START = re.compile(rf"^(?:{_CN}[是要]|首先|其次|再次|最后)")
SENTENCE_START_MARKER = re.compile(rf"(?:^|(?<=[。；！？：]))(?:{_CN}[是要]|首先|其次|再次|最后)")
CLOSERS = ("同志们，", "同志们！", "总之，", "综上所述，", "让我们")


@pytest.fixture(scope="module")
def corpus() -> list[GeneratedDocument]:
    return list(generate_corpus(210, seed=5))


def _level(paragraph: str) -> int | None:
    return next((i for i, m in enumerate(LEVEL_MARKERS) if m.match(paragraph)), None)


def _first_sentence(paragraph: str) -> str:
    return re.split("[。！？]", paragraph, maxsplit=1)[0].rstrip("：；")


def test_same_seed_gives_same_document_and_other_seeds_differ():
    first = generate_document(1234, doc_type="讲话稿", topic="安全生产")
    again = generate_document(1234, doc_type="讲话稿", topic="安全生产")
    assert first == again
    assert generate_document(1235, doc_type="讲话稿", topic="安全生产").text != first.text
    assert [d.text for d in generate_corpus(5, seed=3)] == [
        d.text for d in generate_corpus(5, seed=3)
    ]


def test_generation_leaves_the_global_random_stream_alone():
    import random

    random.seed(99)
    expected = random.random()
    random.seed(99)
    generate_document(7)
    assert random.random() == expected


def test_requested_type_and_topic_are_honoured_and_unknown_ones_rejected():
    doc = generate_document(8, doc_type="方案", topic="疫情防控")
    assert doc.doc_type == "方案"
    assert doc.topics[0] == "疫情防控"
    assert 2020 <= doc.published.year <= 2022  # the topic's own years
    with pytest.raises(ValueError, match="doc_type"):
        generate_document(1, doc_type="通知")
    with pytest.raises(ValueError, match="topic"):
        generate_document(1, topic="航天工程")
    with pytest.raises(ValueError, match="count"):
        list(generate_corpus(-1))


def test_constants_cover_the_brief():
    assert DOC_TYPES == ("讲话稿", "工作报告", "心得体会", "述职报告", "发言材料", "方案", "总结")
    assert len(TOPICS) >= 12
    required = "机关党建 疫情防控 脱贫攻坚 乡村振兴 作风建设 安全生产 基层治理 营商环境 生态环保"
    assert set(f"{required} 党风廉政 意识形态 主题教育".split()) <= set(TOPICS)
    assert {"县级", "乡镇", "国有企业", "学校"} <= set(LEVELS)


def test_corpus_varies_types_topics_levels_and_placeholders(corpus):
    assert Counter(d.doc_type for d in corpus) == {t: 30 for t in DOC_TYPES}
    assert {d.topics[0] for d in corpus} == set(TOPICS)
    assert set(LEVELS) == {d.level for d in corpus}
    share = sum(bool(d.placeholders) for d in corpus) / len(corpus)
    assert 0.45 <= share <= 0.75


def test_lengths_dates_topics_and_occasion_fields(corpus):
    for doc in corpus:
        low, high = LENGTHS[doc.doc_type]
        assert low <= len(doc.text) <= high, (doc.doc_type, len(doc.text))
        assert datetime.date(2016, 1, 1) <= doc.published <= datetime.date(2026, 10, 31)
        assert 1 <= len(doc.topics) <= 3 and len(set(doc.topics)) == len(doc.topics)
        assert set(doc.topics) <= set(TOPICS)
        assert doc.level in LEVELS
        assert doc.occasion


def test_text_is_clean_paragraphs(corpus):
    for doc in corpus:
        lines = doc.text.split("\n")
        assert all(line and line == line.strip() for line in lines)
        assert not re.search("[A-WYZa-z{}]", doc.text)  # no Latin but placeholder X, no slots
        doc.wrapped.encode("gbk")  # distributors' copies travel as GBK files


def test_outline_labels_follow_the_structure_conventions(corpus):
    for doc in corpus:
        paras = doc.text.split("\n")
        outline = doc.outline
        assert outline["title"] == paras[0]
        levels = [_level(p) for p in paras]
        top = min(lv for lv in levels if lv is not None)
        starts = [i for i, lv in enumerate(levels) if lv == top]
        assert [_first_sentence(paras[i]) for i in starts] == [
            p["heading"] for p in outline["parts"]
        ]
        assert len(starts) >= 2
        # The salutation is the only short paragraph ending in ： before the first part.
        short = [p for p in paras[1 : starts[0]] if len(p) <= 30 and p.endswith("：")]
        assert short == ([outline["salutation"]] if outline["salutation"] else [])
        # The closing is the first paragraph after the last heading that opens with a closer,
        # and no paragraph inside the parts opens with one.
        closers = [i for i in range(starts[-1] + 1, len(paras)) if paras[i].startswith(CLOSERS)]
        assert closers and _first_sentence(paras[closers[0]]) == outline["closing"]
        assert not [p for p in paras[starts[0] : closers[0]] if p.startswith(CLOSERS)]
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else closers[0]
            _check_points(paras[start:end], top, outline["parts"][n]["points"])


def _check_points(part: list[str], top: int, points: list[str]) -> None:
    # Sub-headings: the highest level used inside the part, below the part's own.
    inner = [lv for lv in map(_level, part[1:]) if lv is not None and lv > top]
    subs = [p for p in part[1:] if inner and _level(p) == min(inner)]
    if subs:
        assert points == [_first_sentence(p) for p in subs]
        return
    body = "\n".join(part)
    # Every marker that starts a sentence is a labelled point, in order, and each point
    # stops at the first clause mark after its marker (after 首先， at the next one).
    starts = [m.start() for p in part for m in SENTENCE_START_MARKER.finditer(p)]
    assert len(starts) == len(points)
    position = 0
    for point in points:
        assert POINT_START.match(point)
        position = body.index(point, position)
        rest = point[3:] if point[2:3] == "，" else point
        assert not re.search("[，。；：！？]", rest)
        assert body[position + len(point)] in "，。；：！？"


def test_headings_and_sub_headings_number_in_sequence(corpus):
    numeral = re.compile(r"^第?（?([一二三四五六七八九十]+|\d+)")
    for doc in corpus:
        subs = [p["points"] for p in doc.outline["parts"] if p["points"]]
        subs = [labels for labels in subs if _level(labels[0]) is not None]
        for labels in [[p["heading"] for p in doc.outline["parts"]], *subs]:
            numbers = [numeral.match(label).group(1) for label in labels]
            if not numbers[0].isdigit():
                numbers = [str("一二三四五六七八九十".index(n) + 1) for n in numbers]
            assert numbers == [str(i + 1) for i in range(len(numbers))], labels


def test_every_label_occurs_in_the_text(corpus):
    for doc in corpus:
        outline = doc.outline
        for part in outline["parts"]:
            assert part["heading"] in doc.text
            assert all(point in doc.text for point in part["points"])
        assert outline["closing"] in doc.text
        assert all(token in doc.text for token in doc.placeholders)
        assert all(token in doc.text for token in doc.dated_references)


def test_placeholders_are_the_brief_tokens_in_order_of_appearance(corpus):
    pattern = re.compile(
        f"{COUNTED.pattern}|"
        r"(?:[XＸ×]+|某某|[＿_]{2,})"
        r"(?:部长|书记|县长|市长|局长|主任|同志|单位|公司|部门|省|市|县|区|乡|镇|村|局|年|月|日)?"
    )
    for doc in corpus:
        found = [m.group() for m in pattern.finditer(doc.text)]
        assert tuple(dict.fromkeys(found)) == doc.placeholders
        assert all(p in PLACEHOLDER_TOKENS or COUNTED.fullmatch(p) for p in doc.placeholders)
        # No letter or digit touches a token, so no reading of the rule can stretch it.
        for m in pattern.finditer(doc.text):
            around = doc.text[max(m.start() - 1, 0) : m.start()] + doc.text[m.end() : m.end() + 1]
            assert not re.search("[0-9A-Za-z]", around)


def test_dated_references_are_consistent_with_the_date(corpus):
    for doc in corpus:
        year = doc.published.year
        for token in doc.dated_references:
            if m := re.fullmatch(r"(\d{4})年", token):
                assert year - 1 <= int(m.group(1)) <= year + 1
            elif re.fullmatch("[〇一二三四五六七八九]{4}年", token):
                digits = "".join(str("〇一二三四五六七八九".index(c)) for c in token[:4])
                assert int(digits) == year
            elif token.startswith("今年是"):
                assert token.endswith("之年") and token.count("之年") == 1
            elif token in ("十三五", "十四五", "十五五"):
                assert f"“{token}”" in doc.text
            elif token in CAMPAIGNS:
                assert token not in ("新冠肺炎疫情", "疫情防控") or 2020 <= year <= 2022
            elif token in EDUCATION_SINCE:
                assert year >= EDUCATION_SINCE[token]
            else:
                assert re.fullmatch(
                    r"(?:党的)?(?:十[八九]|二十)(?:大|届[一二三四五六七]中全会)", token
                )
                assert ("二十" in token) == (doc.published >= datetime.date(2022, 10, 16))
        # Overlapping references would make two readings: never write them.
        assert "新冠肺炎疫情防控" not in doc.text
        assert doc.text.count("今年是") == len(re.findall("今年是[^。！？]*?之年", doc.text))
    assert any(doc.dated_references for doc in corpus)


def test_wrapped_copy_is_text_plus_wrapper_lines(corpus):
    for doc in corpus:
        lines = [line for line in doc.wrapped.split("\n") if line.strip()]
        text_lines = set(doc.text.split("\n"))
        assert "\n".join(line for line in lines if line not in set(doc.wrapper_lines)) == doc.text
        assert tuple(line for line in lines if line not in text_lines) == doc.wrapper_lines
        assert 3 <= len(doc.wrapper_lines) <= 6
        assert lines[0] in doc.wrapper_lines and lines[-1] in doc.wrapper_lines
        first, last = (
            lines.index(doc.text.split("\n")[0]),
            len(lines) - lines[::-1].index(doc.text.split("\n")[-1]),
        )
        assert any(line in doc.wrapper_lines for line in lines[first:last])
        for line in doc.wrapper_lines:
            assert not line.startswith(CLOSERS) and not line.endswith("：")
            assert _level(line) is None and not POINT_START.match(line)
    assert sum("" in doc.wrapped.split("\n") for doc in corpus) > len(corpus) // 3


def test_wrapper_lines_vary_between_documents(corpus):
    lines = [line for doc in corpus for line in doc.wrapper_lines]
    assert len(set(lines)) > len(lines) // 3
    assert Counter(lines).most_common(1)[0][1] < len(lines) // 10


def test_different_documents_are_far_from_versions_of_each_other():
    # The importer treats >= 90 as versions of one material; generated documents of the
    # same type and topic must stay well clear of that.
    docs = [generate_document(seed, doc_type="讲话稿", topic="机关党建") for seed in range(8)]
    docs += [generate_document(seed, doc_type="方案", topic="安全生产") for seed in range(8)]
    docs += list(generate_corpus(14, seed=21))
    for a, b in itertools.combinations(docs, 2):
        assert fuzz.ratio(a.text, b.text) < 60
