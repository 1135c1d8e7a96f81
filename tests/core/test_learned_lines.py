"""The cleaner's learned line judge: trained on labelled lines, it weighs a line's register;
the cleaner asks it only about lines no rule protects."""

import json

import pytest

from gaoku.core.cleaning import (
    FOREIGN,
    LEARNED,
    REPEATED,
    compile_patterns,
    default_patterns,
    strip_boilerplate,
)
from gaoku.core.cleaning.learned import LineModel, line_features, shipped, train

PATTERNS = compile_patterns(default_patterns())

_WRAPPERS = ["点赞收藏不迷路", "关注我获取更多干货", "阅读 2.3万 · 评论 18", "扫码进群领资料包"]
_OWN = [
    "各级党组织要切实抓好落实。",
    "我们要坚持以人民为中心的发展思想。",
    "全年完成固定资产投资9.4亿元，同比增长8.5%。",
    "同志们，让我们团结一心，再创佳绩！",
]


def test_training_on_labelled_lines_tells_the_two_registers_apart():
    model = train([(line, True) for line in _WRAPPERS] + [(line, False) for line in _OWN])
    assert all(model.score(line) > 0 for line in _WRAPPERS)
    assert all(model.score(line) < 0 for line in _OWN)
    assert model.score("关注我获取更多范文") > model.score("要关注群众的急难愁盼。")


def test_training_is_repeatable_and_the_model_round_trips():
    examples = [(line, True) for line in _WRAPPERS] + [(line, False) for line in _OWN]
    first, second = train(examples), train(examples)
    assert first == second
    data = json.loads(first.to_json())
    again = LineModel(data["weights"], data["bias"])
    assert again.score("点赞收藏不迷路") == pytest.approx(first.score("点赞收藏不迷路"), abs=0.05)


def test_training_needs_both_kinds():
    with pytest.raises(ValueError):
        train([(line, False) for line in _OWN])


def test_features_see_counts_and_brands_as_kinds_not_as_themselves():
    assert line_features("阅读 2.3万") == line_features("阅读 8.1万")
    assert "latin" in line_features("Powered by Wordly")
    assert "end:sentence" in line_features("要抓好落实。")
    assert isinstance(shipped().score(""), float)  # an empty line scores, never raises


def _speech(*middle: str) -> str:
    return "\n".join(
        [
            "在全镇秋收工作部署会上的讲话",
            "同志们：",
            "今天召开会议，部署秋收工作。",
            *middle,
            "各村要抢抓晴好天气，确保颗粒归仓。",
            "谢谢大家！",
        ]
    )


@pytest.mark.parametrize("line", ["倍速 1.5x", "温馨提示：本页内容仅展示前半部分"])
def test_a_line_no_rule_names_goes_when_the_judge_reads_it_as_a_distributors(line):
    result = strip_boilerplate(_speech(line), PATTERNS)
    assert result.removed_lines == (line,)
    assert result.reasons == (LEARNED,)


@pytest.mark.parametrize(
    "line",
    [
        "#2烘干机组已完成检修。",  # a sentence must score higher
        "报到时间 5月8日 8:30",  # the document's own arrangements
        "一、提高政治站位",  # a heading
        "柘川市委政策研究室调研组",  # a signature
        "群众可登录镇政府网站www.mz.gov.cn查询补贴发放情况。",  # a government site
    ],
)
def test_the_judge_is_not_asked_about_what_the_rules_protect(line):
    assert strip_boilerplate(_speech(line), PATTERNS).removed_lines == ()


def test_pieces_of_a_sentence_a_converter_broke_stay():
    text = _speech("稳健的货币政策要松紧适度。广义货币M", "2", "预期增长12%左右。")
    assert strip_boilerplate(text, PATTERNS).removed_lines == ()


def test_a_tail_in_another_register_goes_to_the_documents_last_words():
    text = (
        _speech()
        + "\n"
        + "\n".join(
            [
                "修改说明：",
                "1. 开头增加过渡句，增强连贯性；",
                "2. 将数据集中到第二段，避免分散罗列；",
                "如需调整为更正式的语气，请继续告诉我。",
            ]
        )
    )
    result = strip_boilerplate(text, PATTERNS)
    assert result.text.endswith("谢谢大家！")
    assert len(result.removed_lines) == 4


def test_a_running_head_repeated_on_every_page_goes_and_the_title_stays():
    text = "\n".join(
        [
            "全区防汛抗旱工作会议讲话",
            "在全区防汛抗旱工作会议上的讲话",
            "同志们：",
            "今天召开会议，部署防汛工作。",
            "全区防汛抗旱工作会议讲话",
            "各镇要压实责任，确保安全度汛。",
            "全区防汛抗旱工作会议讲话",
            "谢谢大家！",
        ]
    )
    result = strip_boilerplate(text, PATTERNS)
    assert result.text.split("\n")[0] == "在全区防汛抗旱工作会议上的讲话"
    assert "全区防汛抗旱工作会议讲话" not in result.text.split("\n")
    assert REPEATED in result.reasons


def test_a_title_repeated_as_its_own_running_head_keeps_its_first_line():
    title = "在全区防汛抗旱工作会议上的讲话"
    text = f"{title}\n同志们：\n今天召开会议。\n{title}\n要压实责任。\n谢谢大家！"
    result = strip_boilerplate(text, PATTERNS)
    assert result.text.split("\n")[0] == title
    assert result.removed_lines == (title,)


def test_a_transcripts_repeated_stage_direction_stays():
    text = _speech("（鼓掌）", "我们要再接再厉。", "（鼓掌）")
    assert strip_boilerplate(text, PATTERNS).removed_lines == ()


def test_the_shipped_judge_is_there():
    model = shipped()
    assert model is not None and len(model.weights) > 1000


def test_a_sign_in_table_above_the_title_goes_and_a_table_in_the_body_stays():
    opening = [
        "会议名称：全市水务系统半年工作推进会",
        "会议时间：2024-07-26 09:00",
        "会议地点：市水务大厦四楼第一会议室",
        "签到明细",
        "序号  姓名    部门/单位        签到时间",
        *(f"{n}     某某{n}  局办公室          08:4{n}" for n in range(1, 10)),
    ]
    table = ["序号　工作任务　责任单位", "1　秋粮收购　粮站", "2　机械调度　农机站"]
    text = "\n".join([*opening, *_speech(*table).split("\n")])
    result = strip_boilerplate(text, PATTERNS)
    assert result.text.split("\n")[0] == "在全镇秋收工作部署会上的讲话"
    assert all(row in result.text.split("\n") for row in table)


def test_a_pages_label_ending_in_a_colon_is_no_salutation():
    text = _speech("[语音 58″] 转文字：", "我们要再接再厉。")
    assert strip_boilerplate(text, PATTERNS).removed_lines == ("[语音 58″] 转文字：",)


def test_a_line_in_another_language_is_wrapper():
    line = "First of all, I would like to extend a warm welcome to all the guests present!"
    result = strip_boilerplate(_speech(line), PATTERNS)
    assert result.removed_lines == (line,) and result.reasons == (FOREIGN,)
