"""Word documents: body order, tables, automatic numbering, and hostile files."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from gaoku.core.readers import docx as docx_reader
from gaoku.core.readers import messages, read_bytes
from gaoku.core.readers.docx_numbering import format_number
from gaoku.errors import ImportRejected

from .reader_files import SPEECH

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def add_list_definition(document, abstract_id: int, levels: list[tuple[str, str]]) -> None:
    """An abstract numbering definition: one ``(numFmt, lvlText)`` per level."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for ilvl, (fmt, text) in enumerate(levels)
    )
    element = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'
    )
    document.part.numbering_part.element.insert(0, element)


def add_list(document, num_id: int, abstract_id: int, *, restart: bool = False) -> None:
    override = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    document.part.numbering_part.element.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
            f"{override if restart else ''}</w:num>"
        )
    )


def add_numbered(document, text: str, num_id: int, ilvl: int = 0) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def rejected(data: bytes, name: str = "材料.docx") -> ImportRejected:
    with pytest.raises(ImportRejected) as caught:
        read_bytes(data, name=name)
    return caught.value


def test_paragraphs_and_table_cells_come_in_body_order() -> None:
    document = docx.Document()
    document.add_paragraph(SPEECH[0])
    document.add_paragraph("")
    document.add_paragraph(SPEECH[1])
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "责任单位"
    table.cell(0, 2).text = "完成时限"
    table.cell(1, 0).text = "县委政法委"
    table.cell(1, 1).text = "各乡镇"
    table.cell(1, 2).add_paragraph("2023年底前")
    document.add_paragraph(SPEECH[2])
    result = read_bytes(saved(document), name="讲话.docx")
    assert (result.format, result.encoding, result.ocr) == ("docx", None, False)
    assert result.text.split("\n") == [
        SPEECH[0],
        SPEECH[1],
        "责任单位",
        "完成时限",
        "县委政法委",
        "各乡镇",
        "2023年底前",
        SPEECH[2],
    ]


def test_headers_and_footers_are_not_text() -> None:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "内部资料 注意保密"
    document.sections[0].footer.paragraphs[0].text = "咨询QQ：10000"
    document.add_paragraph(SPEECH[2])
    assert read_bytes(saved(document)).text == SPEECH[2]


def test_line_break_splits_and_page_break_does_not() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("XX县人民政府")
    paragraph.add_run().add_break()
    paragraph.add_run("2023年5月6日")
    paragraph.add_run().add_break(WD_BREAK.PAGE)
    assert read_bytes(saved(document)).text == "XX县人民政府\n2023年5月6日"


def test_tracked_insertions_are_kept_and_deletions_dropped() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("要坚持")
    paragraph._p.append(
        parse_xml(
            f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t>和发展</w:t></w:r></w:ins>'
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="a"><w:r><w:delText>旧的</w:delText>'
            "</w:r></w:del>"
        )
    )
    paragraph.add_run("新时代“枫桥经验”。")
    assert read_bytes(saved(document)).text == "要坚持和发展新时代“枫桥经验”。"


def test_word_numbered_headings_keep_their_chinese_numbers() -> None:
    document = docx.Document()
    add_list_definition(
        document,
        90,
        [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")],
    )
    add_list(document, 91, 90)
    document.add_paragraph(SPEECH[1])
    add_numbered(document, "提高政治站位", 91)
    add_numbered(document, "抓好网格化管理", 91, 1)
    add_numbered(document, "科学划分网格", 91, 2)
    add_numbered(document, "配齐配强队伍", 91, 2)
    add_numbered(document, "抓好矛盾纠纷化解", 91, 1)
    add_numbered(document, "突出工作重点", 91)
    add_numbered(document, "抓好安全生产", 91, 1)
    add_numbered(document, "Grid management", 91, 2)
    assert read_bytes(saved(document)).text.split("\n") == [
        SPEECH[1],
        "一、提高政治站位",
        "（一）抓好网格化管理",
        "1.科学划分网格",
        "2.配齐配强队伍",
        "（二）抓好矛盾纠纷化解",
        "二、突出工作重点",
        "（一）抓好安全生产",
        "1. Grid management",
    ]


def test_multilevel_number_shows_every_level() -> None:
    document = docx.Document()
    add_list_definition(document, 90, [("decimal", "%1."), ("decimal", "%1.%2")])
    add_list(document, 91, 90)
    add_numbered(document, "总体要求", 91)
    add_numbered(document, "指导思想", 91, 1)
    add_numbered(document, "基本原则", 91, 1)
    add_numbered(document, "主要任务", 91)
    add_numbered(document, "网格化管理", 91, 1)
    assert read_bytes(saved(document)).text.split("\n") == [
        "1.总体要求",
        "1.1指导思想",
        "1.2基本原则",
        "2.主要任务",
        "2.1网格化管理",
    ]


def test_start_override_restarts_a_list_and_shared_definition_continues() -> None:
    document = docx.Document()
    add_list_definition(document, 90, [("chineseCountingThousand", "%1、")])
    add_list(document, 91, 90)
    add_list(document, 92, 90)
    add_list(document, 93, 90, restart=True)
    add_numbered(document, "总体要求", 91)
    add_numbered(document, "主要任务", 92)
    add_numbered(document, "工作目标", 93)
    assert read_bytes(saved(document)).text == "一、总体要求\n二、主要任务\n一、工作目标"


def test_numbering_from_a_list_style() -> None:
    document = docx.Document()
    for text in ("加强组织领导", "严格考核标准"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("要点", style="List Bullet")
    assert read_bytes(saved(document)).text == "1.加强组织领导\n2.严格考核标准\n要点"


@pytest.mark.parametrize(
    ("number", "fmt", "shown"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCountingThousand", "二十"),
        (99, "chineseCountingThousand", "九十九"),
        (101, "chineseCountingThousand", "一百零一"),
        (110, "chineseCountingThousand", "一百一十"),
        (3, "ideographTraditional", "丙"),
        (12, "chineseLegalSimplified", "壹拾贰"),
        (3, "decimalEnclosedCircleChinese", "③"),
        (4, "upperRoman", "IV"),
        (28, "lowerLetter", "bb"),
        (7, "decimal", "7"),
        (7, "bullet", None),
    ],
)
def test_format_number_matches_word(number: int, fmt: str, shown: str | None) -> None:
    assert format_number(number, fmt) == shown


def test_zip_bomb_is_refused_before_anything_is_extracted(monkeypatch) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b" " * (40 * 1024 * 1024))

    def no_extraction(*args, **kwargs):
        raise AssertionError("an entry was opened")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_extraction)
    error = rejected(out.getvalue())
    assert (error.code, error.message) == ("zip_bomb", messages.DOCX_ZIP_BOMB)


def test_zip_with_thousands_of_entries_is_a_bomb() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for index in range(docx_reader.MAX_ENTRIES):
            archive.writestr(f"word/media/{index}.xml", "")
    assert rejected(out.getvalue()).code == "zip_bomb"


def test_total_uncompressed_size_is_bounded(monkeypatch) -> None:
    document = docx.Document()
    document.add_paragraph(SPEECH[2])
    monkeypatch.setattr(docx_reader, "MAX_UNCOMPRESSED_BYTES", 10_000)
    assert rejected(saved(document)).code == "zip_bomb"


def test_truncated_docx_is_corrupt() -> None:
    document = docx.Document()
    document.add_paragraph(SPEECH[2])
    data = saved(document)
    error = rejected(data[: len(data) // 2])
    assert (error.code, error.message) == ("corrupt", messages.DOCX_CORRUPT)


def test_malformed_document_xml_is_corrupt() -> None:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(saved(docx.Document()))) as source,
        zipfile.ZipFile(out, "w") as target,
    ):
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "word/document.xml":
                body = body[: len(body) // 2]
            target.writestr(info, body)
    assert rejected(out.getvalue()).code == "corrupt"


def test_encrypted_docx_is_reported_as_encrypted() -> None:
    data = OLE_MAGIC + bytes(504) + "EncryptedPackage".encode("utf-16-le") + bytes(100)
    error = rejected(data, "年度总结.docx")
    assert (error.code, error.message) == ("encrypted", messages.DOCX_ENCRYPTED)


@pytest.mark.parametrize(
    "data",
    [
        OLE_MAGIC + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(100),
        b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 SimSun;}} \\f0 \\'b9\\'d8\\'d3\\'da}",
    ],
    ids=["doc", "rtf"],
)
def test_legacy_word_files_are_refused_with_save_as_docx_advice(data: bytes) -> None:
    error = rejected(data, "旧文档.doc")
    assert (error.code, error.message) == ("unsupported_format", messages.LEGACY_WORD)
    assert ".docx" in error.message


def test_other_office_zip_is_unsupported() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert rejected(out.getvalue(), "报表.xlsx").code == "unsupported_format"
