"""The reader's text as HTML (gaoku.library.templatetags.reading): the title, the parts'
headings as the outline's anchors, every text escaped."""

from gaoku.library.templatetags.reading import text_paragraphs


def test_the_title_the_parts_headings_and_paragraphs_each_escaped():
    rows = [
        {"text": "关于<某某>工作的报告", "part": None},
        {"text": "一、总体情况", "part": 1},
        {"text": "全年完成投资<script>alert(1)</script>。", "part": None},
        {"text": "二、下一步打算", "part": 2},
    ]
    assert text_paragraphs(rows).split("\n") == [
        '<h1 class="doc-title">关于&lt;某某&gt;工作的报告</h1>',
        '<h2 id="part-1" class="part-heading">一、总体情况</h2>',
        "<p>全年完成投资&lt;script&gt;alert(1)&lt;/script&gt;。</p>",
        '<h2 id="part-2" class="part-heading">二、下一步打算</h2>',
    ]


def test_no_text_is_no_html():
    assert text_paragraphs([]) == ""
