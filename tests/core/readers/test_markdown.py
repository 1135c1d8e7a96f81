"""Markdown: decoded like text, then reduced to plain paragraphs."""

from __future__ import annotations

from gaoku.core.readers import read_bytes
from gaoku.core.readers.markdown import markdown_to_text

from .reader_files import SPEECH

SPEECH_MD = """\
# 在全县基层治理工作推进会上的讲话

同志们：

今天，我们召开全县基层治理工作推进会，主要任务是**总结前一阶段工作**，
分析当前形势，部署下一步*重点任务*。

## 一、提高政治站位 ##

> 基层治理是国家治理的基石。
> 各级各部门要把思想和行动统一到县委的决策部署上来。

- 强化责任担当
- 压实工作任务
+ 加强督促检查

详见[县委办通知](https://example.org/notice)。![网格图](grid.png)

```text
附：网格员联系表
```
"""

SPEECH_PLAIN = """\
在全县基层治理工作推进会上的讲话
同志们：
今天，我们召开全县基层治理工作推进会，主要任务是总结前一阶段工作，分析当前形势，部署下一步重点任务。
一、提高政治站位
基层治理是国家治理的基石。
各级各部门要把思想和行动统一到县委的决策部署上来。
强化责任担当
压实工作任务
加强督促检查
详见县委办通知。
附：网格员联系表"""


def test_markdown_speech_becomes_plain_paragraphs() -> None:
    assert markdown_to_text(SPEECH_MD) == SPEECH_PLAIN


def test_hard_wrapped_chinese_joins_without_space_and_latin_with_one() -> None:
    source = "坚持以人民为中心的\n发展思想\n\nThe county plan\nwas adopted"
    assert markdown_to_text(source) == "坚持以人民为中心的发展思想\nThe county plan was adopted"


def test_one_paragraph_per_line_files_keep_their_paragraphs() -> None:
    source = "\n".join(SPEECH)
    assert markdown_to_text(source) == "\n".join(SPEECH)


def test_ordered_list_numbers_stay_as_heading_markers() -> None:
    source = "1. 加强组织领导\n2. 严格考核标准\n3) 强化结果运用"
    assert markdown_to_text(source) == "1.加强组织领导\n2.严格考核标准\n3.强化结果运用"


def test_setext_heading_and_thematic_break() -> None:
    source = "关于开展专项检查的通知\n==========\n各乡镇：\n\n---\n\n特此通知。"
    assert markdown_to_text(source) == "关于开展专项检查的通知\n各乡镇：\n特此通知。"


def test_table_gives_one_line_per_cell() -> None:
    source = "| 单位 | 责任人 |\n| :--- | ---: |\n| 县委办 | 张XX |"
    assert markdown_to_text(source) == "单位\n责任人\n县委办\n张XX"


def test_hard_line_break_ends_the_line() -> None:
    source = "XX县人民政府  \n2023年5月6日\\\n（此件公开发布）"
    assert markdown_to_text(source) == "XX县人民政府\n2023年5月6日\n（此件公开发布）"


def test_inline_code_html_and_escapes_are_unwrapped() -> None:
    source = "请于`5月10日`前报送<br/>材料，\\*不得\\*延误，~~逾期~~不候。"
    assert markdown_to_text(source) == "请于5月10日前报送材料，*不得*延误，逾期不候。"


def test_front_matter_is_dropped() -> None:
    source = "---\ntitle: 通知\n---\n各单位：\n请认真执行。"
    assert markdown_to_text(source) == "各单位：\n请认真执行。"


def test_md_extension_selects_markdown_reader_over_txt() -> None:
    data = SPEECH_MD.encode("gbk")
    as_markdown = read_bytes(data, name="讲话稿.md")
    as_text = read_bytes(data, name="讲话稿.txt")
    assert (as_markdown.format, as_markdown.encoding) == ("markdown", "gb18030")
    assert as_markdown.text == SPEECH_PLAIN
    assert as_text.format == "txt"
    assert as_text.text.startswith("# 在全县基层治理工作推进会上的讲话\n")
