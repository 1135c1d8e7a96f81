import pytest

from gaoku.core.cleaning import (
    MAX_WRAPPER_LINE,
    compile_patterns,
    default_patterns,
    strip_boilerplate,
)
from gaoku.core.generator import generate_corpus
from gaoku.core.text import normalize
from gaoku.errors import InvalidInput

PATTERNS = compile_patterns(default_patterns())


def test_distributor_lines_are_removed_wherever_they_stand():
    text = "\n".join(
        [
            "仅供学习 禁止外传",
            "在全县机关党建工作会议上的讲话",
            "同志们：",
            "笔杆子文库整理，咨询QQ：278341956",
            "今天我们召开会议，主要任务是总结工作、部署任务。",
            "＊＊＊＊＊＊＊＊",
            "加入会员群，每日更新精品材料，VX：bigan2021",
            "一、提高政治站位。",
            "现在订阅立享前3年的所有资料",
            "更多范文请关注公众号：公文写作助手",
        ]
    )
    result = strip_boilerplate(text, PATTERNS)
    assert result.text == (
        "在全县机关党建工作会议上的讲话\n同志们：\n"
        "今天我们召开会议，主要任务是总结工作、部署任务。\n一、提高政治站位。"
    )
    assert result.removed_lines == (
        "仅供学习 禁止外传",
        "笔杆子文库整理，咨询QQ：278341956",
        "＊＊＊＊＊＊＊＊",
        "加入会员群，每日更新精品材料，VX：bigan2021",
        "现在订阅立享前3年的所有资料",
        "更多范文请关注公众号：公文写作助手",
    )


@pytest.mark.parametrize(
    "line",
    [
        "（三）规范资料整理，加强档案管理",
        "要建立工作交流群，及时通报工作进展。",
        "引导党员群众关注政务公众号，及时了解政策。",
        "持续更新完善基础资料，确保数据准确。",
        "二是加入合作社即可享受技术指导。",
        "同志们：",
    ],
)
def test_content_lines_that_mention_similar_words_are_kept(line):
    assert strip_boilerplate(line, PATTERNS).text == line


def test_long_paragraphs_are_never_removed():
    line = "我们要通过微信群、QQ群、公众号等渠道加强宣传，" * 6
    assert len(line) > MAX_WRAPPER_LINE
    assert strip_boilerplate(line, PATTERNS).removed_lines == ()


def test_generated_wrappers_are_removed_exactly():
    for doc in generate_corpus(200, seed=7):
        result = strip_boilerplate(normalize(doc.wrapped), PATTERNS)
        assert result.text == doc.text
        assert result.removed_lines == tuple(normalize(w) for w in doc.wrapper_lines)


def test_invalid_pattern_is_named():
    with pytest.raises(InvalidInput, match=r"\(unclosed"):
        compile_patterns(["仅供学习", "(unclosed"])
