"""PDF: the text layer reflowed into paragraphs, and hostile or unusual files."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from gaoku.core.readers import messages, pdf, read_bytes
from gaoku.errors import ImportRejected

from .reader_files import SPEECH, pdf_bytes, typeset_pdf

MARGIN = 72
INDENT = MARGIN + 32  # two characters of 16 pt
CENTRE = 170

# The speech set as a printed page: the body wraps at 26 characters, mid-word.
PAGE_ONE = [
    (CENTRE, SPEECH[0]),
    (MARGIN, SPEECH[1]),
    (INDENT, "今天，我们召开全县基层治理工作推进会，主要任"),
    (MARGIN, "务是总结前一阶段工作，分析当前形势，部署下一步重"),
    (MARGIN, "点任务。刚才，三个乡镇作了交流发言，讲得都很好，"),
    (MARGIN, "请大家认真学习借鉴。"),
    (INDENT, "一、提高政治站位，切实增强做好基层治理工作的责任感"),
    (INDENT, "基层治理是国家治理的基石。各级各部门要把思想和"),
    (MARGIN, "行动统一到县委的决策部署上来，一是要强化责任担当，"),
    (280, "- 1 -"),
]
PAGE_TWO = [
    (MARGIN, "二是要压实工作任务，三是要加强督促检查。"),
    (INDENT, "二、突出工作重点，扎实推进各项任务落地见效"),
    (280, "- 2 -"),
]


def rejected(data: bytes) -> ImportRejected:
    with pytest.raises(ImportRejected) as caught:
        read_bytes(data, name="材料.pdf")
    return caught.value


def encrypted(data: bytes, *, user_password: str, algorithm: str = "RC4-128") -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_text_layer_is_reflowed_into_paragraphs_across_pages() -> None:
    result = read_bytes(pdf_bytes([PAGE_ONE, PAGE_TWO]), name="讲话.pdf")
    assert (result.format, result.encoding, result.ocr) == ("pdf", None, False)
    assert result.text.split("\n") == [
        SPEECH[0],
        SPEECH[1],
        SPEECH[2],
        SPEECH[3],
        SPEECH[4],
        SPEECH[5],
    ]


def test_typeset_multipage_speech_reads_back_paragraph_for_paragraph() -> None:
    paragraphs = SPEECH[1:] * 4
    data = typeset_pdf(SPEECH[0], paragraphs)
    assert len(PdfReader(io.BytesIO(data)).pages) > 2
    result = read_bytes(data, name="讲话.pdf")
    assert result.text.split("\n") == [SPEECH[0], *paragraphs]


def test_indentation_starts_a_paragraph_even_after_a_full_line() -> None:
    page = [
        (INDENT, "基层治理是国家治理的基石，各级各部门要把思想和"),
        (MARGIN, "行动统一到县委的决策部署上来，切实扛起责任担当"),
        (INDENT, "抓好网格化管理，要科学划分网格，配齐配强网格员"),
        (MARGIN, "队伍，做到人在格中走、事在网中办，确保各项工作"),
        (MARGIN, "取得实效"),
    ]
    assert read_bytes(pdf_bytes([page])).text.split("\n") == [
        "基层治理是国家治理的基石，各级各部门要把思想和行动统一到县委的决策部署上来，切实扛起责任担当",
        "抓好网格化管理，要科学划分网格，配齐配强网格员队伍，做到人在格中走、事在网中办，确保各项工作取得实效",
    ]


def test_pdf_is_recognised_by_content_whatever_its_name() -> None:
    assert read_bytes(pdf_bytes([PAGE_TWO]), name="讲话.txt").format == "pdf"


def test_pdf_with_user_password_is_encrypted() -> None:
    error = rejected(encrypted(pdf_bytes([PAGE_TWO]), user_password="123456"))
    assert (error.code, error.message) == ("encrypted", messages.PDF_ENCRYPTED)


def test_pdf_with_only_an_owner_password_opens() -> None:
    data = encrypted(pdf_bytes([PAGE_TWO]), user_password="")
    assert read_bytes(data).text.startswith("二是要压实工作任务")


def test_aes_pdf_with_only_an_owner_password_opens() -> None:
    pytest.importorskip("cryptography", reason="pypdf needs cryptography for AES")
    data = encrypted(pdf_bytes([PAGE_TWO]), user_password="", algorithm="AES-128")
    assert read_bytes(data).text.startswith("二是要压实工作任务")


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 3],
        lambda data: b"%PDF-1.7\n" + bytes(range(256)) * 8,
        lambda data: data.replace(b"/Pages", b"/Pagez"),
    ],
    ids=["truncated", "garbage", "no-page-tree"],
)
def test_damaged_pdf_is_corrupt(damage) -> None:
    error = rejected(damage(pdf_bytes([PAGE_ONE])))
    assert (error.code, error.message) == ("corrupt", messages.PDF_CORRUPT)


def test_pdf_with_too_many_pages_is_too_large() -> None:
    writer = PdfWriter()
    for _ in range(pdf.MAX_PAGES + 1):
        writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    error = rejected(out.getvalue())
    assert error.code == "too_large"
    assert error.message == messages.PDF_TOO_MANY_PAGES.format(max_pages=pdf.MAX_PAGES)


def test_blank_pdf_without_ocr_is_ocr_unavailable(monkeypatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    error = rejected(out.getvalue())
    assert (error.code, error.message) == ("ocr_unavailable", messages.OCR_UNAVAILABLE)


def test_text_pages_are_kept_when_ocr_is_missing_for_a_blank_one(monkeypatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    data = pdf_bytes([PAGE_TWO, []])
    assert len(PdfReader(io.BytesIO(data)).pages) == 2
    result = read_bytes(data)
    assert result.ocr is False
    assert result.text == "二是要压实工作任务，三是要加强督促检查。\n" + SPEECH[5]


def test_a_huge_blank_page_is_rendered_for_ocr_within_the_pixel_budget(monkeypatch):
    from io import BytesIO

    from reportlab.pdfgen import canvas

    from gaoku.core.readers import ocr

    buffer = BytesIO()
    page = canvas.Canvas(buffer, pagesize=(5000, 5000))  # 1.8 m square, 433 bytes
    page.showPage()
    page.save()
    asked = []
    monkeypatch.setattr(ocr, "is_available", lambda pdf=False: True)
    monkeypatch.setattr(
        ocr, "ocr_pdf_page", lambda path, number, workdir, dpi: asked.append(dpi) or []
    )
    with pytest.raises(ImportRejected):
        read_bytes(buffer.getvalue(), name="huge.pdf")
    (dpi,) = asked
    assert (5000 / 72 * dpi) ** 2 <= ocr.MAX_PAGE_PIXELS
    assert ocr.page_dpi(595, 842) == ocr.DPI  # an A4 page keeps the full resolution
