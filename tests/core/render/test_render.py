"""The writers of a member's copy: every character, marks included, comes back in order."""

from __future__ import annotations

import re
import shutil
import subprocess
from io import BytesIO
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt
from pypdf import PdfReader

from gaoku.core.fingerprint.invisible import embed_marks, mark_groups, read_marks
from gaoku.core.generator import generate_document
from gaoku.core.readers import read_bytes
from gaoku.core.render import FORMATS, CopyDocument, render
from gaoku.core.text import MARK_ALPHABET

from .copies import (
    NOTICE,
    body_of,
    fonts_of,
    libreoffice_resave,
    needs_pdffonts,
    needs_pdftotext,
    needs_soffice,
    pdftotext,
    squeeze,
)

HEADING1_TEXT = "在平安建设上持续用力，持续建立健全激励约束机制"


NO_MARKS = str.maketrans("", "", MARK_ALPHABET)


def marks_in(text: str) -> str:
    return "".join(char for char in text if char in MARK_ALPHABET)


def docx_paragraphs(data: bytes) -> list[str]:
    return [paragraph.text for paragraph in Document(BytesIO(data)).paragraphs]


def test_formats_name_their_extension_and_content_type() -> None:
    assert {name: (f.extension, f.content_type) for name, f in FORMATS.items()} == {
        "txt": (".txt", "text/plain; charset=utf-8"),
        "docx": (
            ".docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        "pdf": (".pdf", "application/pdf"),
    }


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="unknown format 'odt'"):
        render(CopyDocument("标题", NOTICE), "odt")


def test_txt_is_utf8_with_bom_crlf_and_the_notice_first_and_last(
    speech_copy: CopyDocument,
) -> None:
    data = render(speech_copy, "txt")
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert "\n" not in "".join(lines)
    assert lines[:2] == [NOTICE, ""]
    assert lines[-3:] == ["", NOTICE, ""]
    assert "\n".join(lines[2:-3]) == speech_copy.text


def assert_marks_at_paragraph_ends(paragraphs: list[str], text: str) -> None:
    """Each paragraph is its line of ``text`` with the same marks, in order, gathered
    before the punctuation that closes it."""
    at_end = re.compile(f"[^{MARK_ALPHABET}]*[{MARK_ALPHABET}]*[，。；：、！？”’）》」』…—]*")
    for paragraph, line in zip(paragraphs, text.split("\n"), strict=True):
        assert paragraph.translate(NO_MARKS) == line.translate(NO_MARKS)
        assert marks_in(paragraph) == marks_in(line)
        assert at_end.fullmatch(paragraph), paragraph


def test_docx_paragraphs_give_back_the_text_with_every_mark(speech_copy: CopyDocument) -> None:
    paragraphs = docx_paragraphs(render(speech_copy, "docx"))
    assert paragraphs[0] == NOTICE
    assert_marks_at_paragraph_ends(paragraphs[1:], speech_copy.text)
    assert len(marks_in(speech_copy.text)) > 4000


def test_docx_marks_sit_in_a_run_of_their_own_before_the_closing_punctuation() -> None:
    groups = mark_groups(b"runs", 5)
    text = f"标题\n一、总体要求{groups[0]}\n第一句，{groups[1]}第二句。{groups[2]}”"
    heading, body = Document(BytesIO(render(CopyDocument(text, NOTICE), "docx"))).paragraphs[2:]
    assert [run.text for run in heading.runs] == ["一、总体要求", groups[0]]
    assert [run.text for run in body.runs] == ["第一句，第二句", groups[1] + groups[2], "。”"]
    fonts = body.runs[1].element.rPr.rFonts
    assert {fonts.get(qn(side)) for side in ("w:ascii", "w:eastAsia")} == {"DejaVu Sans"}
    assert read_marks(b"runs", body.text)[0].copy == 5


@needs_soffice
def test_docx_keeps_every_mark_through_a_libreoffice_resave(
    speech_copy: CopyDocument, tmp_path
) -> None:
    resaved = Document(BytesIO(libreoffice_resave(render(speech_copy, "docx"), tmp_path)))
    paragraphs = [paragraph.text for paragraph in resaved.paragraphs]
    assert paragraphs[0] == NOTICE
    assert_marks_at_paragraph_ends(paragraphs[1:], speech_copy.text)
    section = resaved.sections[0]
    assert NOTICE in section.header.paragraphs[0].text
    assert NOTICE in "".join(p.text for p in section.footer.paragraphs)


def test_docx_is_set_in_the_official_fonts_and_sizes() -> None:
    text = "关于加强基层治理的通知\n（2023年3月15日）\n一、总体要求\n（一）加强领导。各单位要重视。"
    word = Document(BytesIO(render(CopyDocument(text, NOTICE), "docx")))
    title, subtitle, heading, second = word.paragraphs[1:]

    def east_asian(style) -> str:
        return style.element.rPr.rFonts.get(qn("w:eastAsia"))

    assert (east_asian(title.style), title.style.font.size) == ("方正小标宋简体", Pt(22))
    assert east_asian(subtitle.style) == "楷体"
    body = heading.style
    assert (east_asian(body), body.font.size) == ("仿宋", Pt(16))
    assert body.element.pPr.ind.get(qn("w:firstLineChars")) == "200"
    normal = word.styles["Normal"].paragraph_format  # every style is based on it
    assert (normal.line_spacing_rule, normal.line_spacing) == (WD_LINE_SPACING.EXACTLY, Pt(28))
    assert [(run.text, east_asian(run.style)) for run in heading.runs] == [("一、总体要求", "黑体")]
    assert [run.text for run in second.runs] == ["（一）加强领导。", "各单位要重视。"]
    assert east_asian(second.runs[0].style) == "楷体"
    assert second.runs[1].style.name == "Default Paragraph Font"


def test_docx_metadata_holds_the_title_and_nothing_of_the_member(
    speech_copy: CopyDocument,
) -> None:
    data = render(speech_copy, "docx")
    properties = Document(BytesIO(data)).core_properties
    assert properties.title == "在基层治理现场推进会上的讲话"
    assert (properties.author, properties.comments, properties.last_modified_by) == ("", "", "")


@needs_pdftotext
def test_pdf_text_layer_gives_back_every_character_and_mark_in_order(
    speech_copy: CopyDocument, tmp_path
) -> None:
    data = render(speech_copy, "pdf")
    for options in ((), ("-layout",)):
        extracted = pdftotext(data, tmp_path, *options)
        assert body_of(extracted) == squeeze(speech_copy.text)
        assert extracted.count(NOTICE) == len(PdfReader(BytesIO(data)).pages) > 1


def test_pdf_content_stream_gives_back_every_mark_to_pypdf(speech_copy: CopyDocument) -> None:
    # pypdf ignores /ActualText and reads the zero-width glyphs themselves.
    result = read_bytes(render(speech_copy, "pdf"), name="copy.pdf")
    assert marks_in(result.text) == marks_in(speech_copy.text)


@needs_pdftotext
def test_pdf_copy_id_decodes_from_the_extracted_text(tmp_path) -> None:
    secret = b"a test secret of the server"
    text = embed_marks(generate_document(7, doc_type="工作报告").text, mark_groups(secret, 123456))
    extracted = pdftotext(render(CopyDocument(text, NOTICE), "pdf"), tmp_path)
    assert [reading.copy for reading in read_marks(secret, extracted)] == [123456]


def test_pdf_marks_are_zero_width_glyphs_of_the_blank_font(speech_copy: CopyDocument) -> None:
    reader = PdfReader(BytesIO(render(speech_copy, "pdf")))
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=0.01)
    blank = next(
        font.get_object()
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
        if "GaokuBlank" in font.get_object()["/BaseFont"]
    )
    widths = blank["/Widths"]
    cmap = blank["/ToUnicode"].get_object().get_data().decode()
    entries = re.findall(r"^<([0-9A-F]{2})> <([0-9A-F]{4})>$", cmap, re.MULTILINE)
    codes = {int(code, 16) for code, char in entries if chr(int(char, 16)) in MARK_ALPHABET}
    assert len(codes) == len(MARK_ALPHABET)
    assert {widths[code] for code in codes} == {0}


@needs_pdffonts
def test_pdf_embeds_the_three_faces_and_the_blank_font(speech_copy: CopyDocument, tmp_path) -> None:
    path = tmp_path / "copy.pdf"
    path.write_bytes(render(speech_copy, "pdf"))
    listing = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, check=True, text=True, timeout=60
    ).stdout.splitlines()[2:]
    names = {line.split()[0].split("+", 1)[1] for line in listing}
    assert names == {"UMingCN-0", "UKaiCN-0", "WenQuanYiZenHei-0", "GaokuBlank"}
    assert all(line.split()[-5:-2] == ["yes", "yes", "yes"] for line in listing)


def test_pdf_headings_are_set_in_their_faces(speech_copy: CopyDocument) -> None:
    data = render(speech_copy, "pdf")
    assert fonts_of(data, HEADING1_TEXT) == {"WenQuanYiZenHei-0"}
    assert fonts_of(data, "（2017年1月13日）") == {"UKaiCN-0"}
    assert fonts_of(data, "这次会议是经县委研究决定召开的") == {"UMingCN-0"}
    assert fonts_of(data, "在基层治理现场推进会上的讲话") == {"UMingCN-0"}


def test_pdf_level_two_heading_is_kai_for_its_first_sentence_only() -> None:
    text = "通知\n（一）加强组织领导。各单位要高度重视。\n二、压实责任"
    data = render(CopyDocument(text, NOTICE), "pdf")
    assert fonts_of(data, "（一）加强组织领导。") == {"UKaiCN-0"}
    assert fonts_of(data, "各单位要高度重视") == {"UMingCN-0"}
    assert fonts_of(data, "二、压实责任") == {"WenQuanYiZenHei-0"}


def test_pdf_draws_characters_the_body_face_lacks_from_the_fallback() -> None:
    # 厳 is in WenQuanYi Zen Hei but not in AR PL UMing.
    data = render(CopyDocument("标题\n正文有厳字。", NOTICE), "pdf")
    assert fonts_of(data, "厳") == {"WenQuanYiZenHei-0"}
    assert fonts_of(data, "正文有") == {"UMingCN-0"}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "关于开展安全生产检查的通知",
        MARK_ALPHABET * 3,
        "标题\n𠮷野家\U0001f600\u0378\x07\t与 ABC " + "x" * 120 + "。\n" + MARK_ALPHABET + "开头",
    ],
    ids=["empty", "title-only", "marks-only", "odd-characters"],
)
def test_bad_input_still_renders_in_every_format(text: str) -> None:
    document = CopyDocument(text, NOTICE)
    for fmt in FORMATS:
        assert render(document, fmt)
    result = read_bytes(render(document, "pdf"), name="copy.pdf")
    assert squeeze(NOTICE) in squeeze(result.text)
    assert marks_in(result.text) == marks_in(text)


@needs_pdftotext
def test_pdf_characters_outside_every_font_still_extract(tmp_path) -> None:
    text = "标题\n野家\U0001f600表情\u0378未分配"
    extracted = pdftotext(render(CopyDocument(text, NOTICE), "pdf"), tmp_path)
    assert body_of(extracted) == squeeze(text)


needs_pdftoppm = pytest.mark.skipif(
    not shutil.which("pdftoppm"), reason="poppler-utils is not installed (pdftoppm)"
)


@needs_pdftoppm
def test_a_pdf_copy_renders_pixel_for_pixel_as_its_text_without_marks(tmp_path) -> None:
    text = generate_document(3, doc_type="讲话稿").text
    marked = embed_marks(text, mark_groups(b"pixels", 77))
    assert marked != text
    pages = {}
    for name, body in (("plain", text), ("marked", marked)):
        pages[name] = pages_as_pixels(render(CopyDocument(body, NOTICE), "pdf"), tmp_path, name)
    assert len(pages["plain"]) > 1
    assert pages["marked"] == pages["plain"]


def pages_as_pixels(pdf: bytes, tmp_path, name: str) -> list[bytes]:
    (tmp_path / f"{name}.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "100", "-gray", f"{name}.pdf", name], cwd=tmp_path, check=True
    )
    return [page.read_bytes() for page in sorted(tmp_path.glob(f"{name}-*.pgm"))]


@needs_soffice
@needs_pdftoppm
@pytest.mark.parametrize("source", ["hand-written", "generated", "real"])
def test_a_docx_copy_renders_pixel_for_pixel_in_libreoffice_as_its_text_without_marks(
    source: str, tmp_path
) -> None:
    if source == "hand-written":
        text = (Path(__file__).parents[2] / "data" / "speech_dense.txt").read_text("utf-8")
    elif source == "generated":
        text = generate_document(3, doc_type="讲话稿").text
    else:
        # A real government work report, read in place; its first pages hold a paragraph
        # whose last line ends in hanging punctuation, which a mark after it would wrap.
        report = Path(__file__).parents[4] / "shared" / "corpus" / "gwr2010.txt"
        if not report.exists():
            pytest.skip("../shared/corpus is not here")
        text = report.read_text("utf-8")[:15000]
    marked = embed_marks(text, mark_groups(b"pixels", 77))
    pages = {}
    for name, body in (("plain", text), ("marked", marked)):
        docx = render(CopyDocument(body, NOTICE), "docx")
        (tmp_path / name).mkdir()
        pdf = libreoffice_resave(docx, tmp_path / name, to="pdf")
        pages[name] = pages_as_pixels(pdf, tmp_path, name)
    assert len(marks_in(marked)) > 200
    assert len(pages["plain"]) > 1
    assert pages["marked"] == pages["plain"]


def test_a_first_line_longer_than_words_title_limit_still_renders_a_docx() -> None:
    text = "很长的标题" * 80 + "\n正文。"
    properties = Document(BytesIO(render(CopyDocument(text, NOTICE), "docx"))).core_properties
    assert properties.title == text[:255]
