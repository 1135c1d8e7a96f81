"""OCR of images and scanned PDFs (tesseract, chi_sim), and its tidying."""

from __future__ import annotations

import difflib
import struct

import pytest

from gaoku.core.readers import messages, read_bytes
from gaoku.core.readers.image import MAX_MEGAPIXELS, image_size
from gaoku.core.readers.ocr import parse_tsv, tidy
from gaoku.core.readers.reflow import Line
from gaoku.errors import ImportRejected

from .reader_files import image_only_pdf, needs_ocr, text_image

SCAN_LINES = [
    "关于加强基层治理工作的通知",
    "\u3000\u3000各乡镇人民政府：为深入贯彻落实县委决策部署，",
    "进一步提升基层治理水平，现就有关事项通知如下。",
    "\u3000\u3000一、总体要求",
    "\u3000\u30002023年底前完成XX县网格化管理全覆盖。",
]
SCAN_PARAGRAPHS = [
    "关于加强基层治理工作的通知",
    "各乡镇人民政府：为深入贯彻落实县委决策部署，进一步提升基层治理水平，现就有关事项通知如下。",
    "一、总体要求",
    "2023年底前完成XX县网格化管理全覆盖。",
]


def assert_reads_like_the_scan(text: str) -> None:
    paragraphs = text.split("\n")
    assert len(paragraphs) == len(SCAN_PARAGRAPHS)
    similarity = difflib.SequenceMatcher(None, text, "\n".join(SCAN_PARAGRAPHS)).ratio()
    assert similarity > 0.9, text
    assert paragraphs[2] == "一、总体要求"


def png_header(width: int, height: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I4sII", 13, b"IHDR", width, height) + bytes(20)


@needs_ocr
@pytest.mark.parametrize("image_format", ["PNG", "JPEG"])
def test_image_is_read_by_ocr_into_paragraphs(image_format: str) -> None:
    result = read_bytes(text_image(SCAN_LINES, image_format=image_format), name="扫描件")
    assert (result.format, result.encoding, result.ocr) == ("image", None, True)
    assert_reads_like_the_scan(result.text)


@needs_ocr
def test_scanned_pdf_without_text_layer_is_ocred() -> None:
    png = text_image(SCAN_LINES)
    width, height = image_size(png)
    # Placed at 300 dpi, so that pdftoppm renders it back pixel for pixel.
    data = image_only_pdf(png, width_pt=width * 72 / 300, height_pt=height * 72 / 300)
    result = read_bytes(data, name="扫描件.pdf")
    assert (result.format, result.ocr) == ("pdf", True)
    assert_reads_like_the_scan(result.text)


def test_image_without_tesseract_is_ocr_unavailable(monkeypatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(ImportRejected) as caught:
        read_bytes(png_header(800, 600), name="扫描件.png")
    assert (caught.value.code, caught.value.message) == (
        "ocr_unavailable",
        messages.OCR_UNAVAILABLE,
    )
    assert caught.value.message.startswith("OCR 不可用")


def test_image_of_absurd_size_is_refused_before_ocr(monkeypatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(ImportRejected) as caught:
        read_bytes(png_header(60_000, 60_000))
    assert caught.value.code == "too_large"
    assert caught.value.message == messages.IMAGE_TOO_LARGE.format(max_megapixels=MAX_MEGAPIXELS)


@needs_ocr
def test_image_that_tesseract_cannot_decode_is_ocr_failed() -> None:
    with pytest.raises(ImportRejected) as caught:
        read_bytes(png_header(100, 100) + bytes(200))
    assert (caught.value.code, caught.value.message) == ("ocr_failed", messages.OCR_FAILED)


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00", b"\xff\xd8\xff\xe0\x00\x10JFIF"])
def test_image_with_broken_header_is_corrupt(data: bytes) -> None:
    with pytest.raises(ImportRejected) as caught:
        read_bytes(data)
    assert (caught.value.code, caught.value.message) == ("corrupt", messages.IMAGE_CORRUPT)


def test_image_size_reads_png_and_jpeg_headers() -> None:
    pytest.importorskip("PIL")
    import io

    from PIL import Image

    for image_format in ("PNG", "JPEG"):
        out = io.BytesIO()
        Image.new("L", (321, 123), 255).save(out, format=image_format)
        assert image_size(out.getvalue()) == (321, 123)


@pytest.mark.parametrize(
    ("raw", "tidied"),
    [
        ("各乡镇 人民 政府 : 为深入", "各乡镇人民政府：为深入"),
        ("2023 年 5 月 , 全县 GDP 增长", "2023年5月，全县GDP增长"),
        ("(一) 抓好 网格化 管理 ;", "（一）抓好网格化管理；"),
        ("是否 落实 到位 ?", "是否落实到位？"),
        ("Grid   plan , version 2", "Grid plan , version 2"),
    ],
)
def test_tidy_removes_ocr_spaces_and_widens_punctuation_beside_han(raw: str, tidied: str) -> None:
    assert tidy(raw) == tidied


def test_parse_tsv_groups_words_into_lines_and_marks_indentation() -> None:
    columns = "level page_num block_num par_num line_num word_num left top width height conf text"
    header = columns.replace(" ", "\t")
    rows = [
        "4\t1\t1\t1\t1\t0\t40\t50\t500\t40\t-1\t",
        "5\t1\t1\t1\t1\t1\t40\t50\t80\t40\t96\t基层",
        "5\t1\t1\t1\t1\t2\t120\t50\t80\t40\t95\t治理",
        "4\t1\t1\t1\t2\t0\t122\t110\t500\t40\t-1\t",
        "5\t1\t1\t1\t2\t1\t122\t110\t80\t40\t96\t网格",
        "5\t1\t1\t1\t2\t2\t202\t110\t20\t40\t90\t,",
        "4\t1\t1\t1\t3\t0\t41\t170\t500\t40\t-1\t",
        "5\t1\t1\t1\t3\t1\t41\t170\t80\t40\t-1\t ",
    ]
    assert parse_tsv("\n".join([header, *rows])) == [Line("基层治理", False), Line("网格，", True)]
