"""Builders of test files for the readers, and the official-style text they carry.

Imported by the test modules of this package.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

SPEECH = [
    "在全县基层治理工作推进会上的讲话",
    "同志们：",
    "今天，我们召开全县基层治理工作推进会，主要任务是总结前一阶段工作，分析当前形势，"
    "部署下一步重点任务。刚才，三个乡镇作了交流发言，讲得都很好，请大家认真学习借鉴。",
    "一、提高政治站位，切实增强做好基层治理工作的责任感",
    "基层治理是国家治理的基石。各级各部门要把思想和行动统一到县委的决策部署上来，"
    "一是要强化责任担当，二是要压实工作任务，三是要加强督促检查。",
    "二、突出工作重点，扎实推进各项任务落地见效",
    "（一）抓好网格化管理。要科学划分网格，配齐配强网格员队伍，做到人在格中走、事在网中办。",
    "（二）抓好矛盾纠纷化解。要坚持和发展新时代“枫桥经验”，做到小事不出村、大事不出镇。",
    "同志们，做好基层治理工作责任重大、使命光荣。让我们以更加饱满的热情、更加务实的作风，"
    "为建设更高水平的平安XX县而努力奋斗！",
]
SPEECH_TEXT = "\n".join(SPEECH)

NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
NOTO_CJK_SC_INDEX = 2


def _has_ocr() -> bool:
    if shutil.which("tesseract") is None:
        return False
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True)
    return "chi_sim" in listed.stdout.split()


needs_ocr = pytest.mark.skipif(
    not _has_ocr() or shutil.which("pdftoppm") is None or not NOTO_CJK.exists(),
    reason="needs tesseract with chi_sim, pdftoppm and fonts-noto-cjk (Debian packages "
    "tesseract-ocr, tesseract-ocr-chi-sim, poppler-utils, fonts-noto-cjk)",
)


def pdf_bytes(pages: list[list[tuple[float, str]]], *, font_size: int = 16) -> bytes:
    """A PDF with a Chinese text layer: for each page, ``(x, text)`` lines top down.

    reportlab's built-in STSong-Light CID font needs no font file, and pypdf extracts it.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for lines in pages:
        pdf.setFont("STSong-Light", font_size)
        y = A4[1] - 72
        for x, text in lines:
            pdf.drawString(x, y, text)
            y -= font_size * 1.75
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def typeset_pdf(title: str, paragraphs: list[str]) -> bytes:
    """A PDF typeset like an official document.

    A centred title, justified paragraphs with a two-character first-line indent, and a
    ``— N —`` page number in the footer of every page.
    """
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    common = {"fontName": "STSong-Light", "wordWrap": "CJK"}
    title_style = ParagraphStyle("title", fontSize=22, leading=36, alignment=TA_CENTER, **common)
    body_style = ParagraphStyle(
        "body", fontSize=16, leading=29, firstLineIndent=32, alignment=TA_JUSTIFY, **common
    )

    def page_number(canvas, document) -> None:
        canvas.setFont("STSong-Light", 12)
        canvas.drawCentredString(A4[0] / 2, 40, f"— {document.page} —")

    out = io.BytesIO()
    story = [Paragraph(title, title_style)] + [Paragraph(p, body_style) for p in paragraphs]
    SimpleDocTemplate(out, pagesize=A4).build(
        story, onFirstPage=page_number, onLaterPages=page_number
    )
    return out.getvalue()


def text_image(lines: list[str], *, image_format: str = "PNG", font_size: int = 40) -> bytes:
    """An image of black Chinese text on white, as a scan of a printed page looks."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(NOTO_CJK), font_size, index=NOTO_CJK_SC_INDEX)
    line_height = int(font_size * 1.6)
    width = max(int(font.getlength(line)) for line in lines) + 2 * font_size
    image = Image.new("L", (width, line_height * len(lines) + 2 * font_size), 255)
    draw = ImageDraw.Draw(image)
    for index, line in enumerate(lines):
        draw.text((font_size, font_size + index * line_height), line, font=font, fill=0)
    out = io.BytesIO()
    image.save(out, format=image_format)
    return out.getvalue()


def image_only_pdf(png: bytes, *, width_pt: float, height_pt: float) -> bytes:
    """A PDF page holding nothing but a picture: a scan without a text layer."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(width_pt, height_pt))
    pdf.drawImage(ImageReader(io.BytesIO(png)), 0, 0, width_pt, height_pt)
    pdf.showPage()
    pdf.save()
    return out.getvalue()
