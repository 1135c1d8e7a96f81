"""OCR of images and scanned PDF pages with the tesseract command (simplified Chinese).

The one place that runs tesseract and pdftoppm. Tesseract is asked for TSV, which gives
each line's left edge: an indented line starts a paragraph, as in the text layer of a
PDF. Its output is tidied the way Chinese text is written: no spaces next to CJK
characters, and full-width ``，：；？！（）`` where tesseract read ASCII ones beside Han
characters.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import statistics
import subprocess
from pathlib import Path

from gaoku.core.readers import messages
from gaoku.core.readers.reflow import CJK_CHARS, Line, squeeze_spaces
from gaoku.errors import ImportRejected

LANGUAGE = "chi_sim"
DPI = 300
# Pixels a rendered PDF page may have: an A3 page at 300 dpi has 17 million. A larger page
# (a 5,000-point square is 1.8 m wide) is rendered at a lower resolution, so that no page
# can take minutes and gigabytes of memory.
MAX_PAGE_PIXELS = 40_000_000
TIMEOUT_S = 300
# An indent of 1.5 character heights: official paragraphs are indented by two
# characters, and the left edges of unindented lines jitter by a fraction of one.
_INDENT_CHARS = 1.5
_TSV_LINE = 4
_TSV_WORD = 5
_HAN = r"\u3400-\u9fff\uf900-\ufaff"
_ASCII_TO_FULL = str.maketrans(",:;?!()", "，：；？！（）")
_SPACE_BY_PUNCT = re.compile(
    rf"(?<=[{CJK_CHARS}])\s+(?=[,.:;?!()])|(?<=[,.:;?!()])\s+(?=[{CJK_CHARS}])"
)
_ASCII_PUNCT_BY_HAN = re.compile(
    rf"(?<=[{_HAN}，。、：；？！）”])[,:;?!)]|[,:;?!(](?=[{_HAN}“（])|(?<=[{_HAN}])\("
)


def is_available(*, pdf: bool = False) -> bool:
    """Whether tesseract with the chi_sim data (and pdftoppm, for PDFs) can be run."""
    tesseract = shutil.which("tesseract")
    if tesseract is None or (pdf and shutil.which("pdftoppm") is None):
        return False
    try:
        listed = subprocess.run(
            [tesseract, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return LANGUAGE in listed.stdout.split()


def tidy(text: str) -> str:
    """Remove OCR spacing next to CJK characters and widen ASCII punctuation beside Han."""
    text = _SPACE_BY_PUNCT.sub("", squeeze_spaces(text))
    return _ASCII_PUNCT_BY_HAN.sub(lambda match: match.group().translate(_ASCII_TO_FULL), text)


def _run(command: list[str]) -> subprocess.CompletedProcess[str]:
    # One thread: tesseract's OpenMP spinning costs more than it gains on a page.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        return subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT_S, check=False, env=env
        )
    except FileNotFoundError as exc:
        raise ImportRejected(messages.OCR_UNAVAILABLE, code="ocr_unavailable") from exc
    except (OSError, subprocess.SubprocessError) as exc:
        raise ImportRejected(messages.OCR_FAILED, code="ocr_failed") from exc


def parse_tsv(tsv: str) -> list[Line]:
    """Turn tesseract's TSV output into lines, marking the indented ones.

    Args:
        tsv: What ``tesseract IMAGE - tsv`` prints.

    Returns:
        The lines with text, top to bottom.
    """
    lines: dict[tuple[str, ...], dict] = {}
    for row in csv.reader(tsv.splitlines()[1:], delimiter="\t", quoting=csv.QUOTE_NONE):
        if len(row) < 12 or not row[0].isdigit():
            continue
        key = tuple(row[1:5])
        if int(row[0]) == _TSV_LINE:
            lines[key] = {"left": int(row[6]), "height": int(row[9]), "words": []}
        elif int(row[0]) == _TSV_WORD and row[11].strip() and key in lines:
            lines[key]["words"].append(row[11].strip())
    found = [line for line in lines.values() if line["words"]]
    if not found:
        return []
    margin = min(line["left"] for line in found)
    char_size = statistics.median(line["height"] for line in found)
    return [
        Line(
            tidy(" ".join(line["words"])),
            line["left"] - margin >= _INDENT_CHARS * char_size,
        )
        for line in found
    ]


def ocr_image_file(path: Path) -> list[Line]:
    """OCR one image file (PNG, JPEG, or a rendered page).

    Raises:
        ImportRejected: ``ocr_unavailable`` without tesseract; ``ocr_failed`` when it
            fails or runs past ``TIMEOUT_S``.
    """
    tesseract = shutil.which("tesseract")
    if tesseract is None:
        raise ImportRejected(messages.OCR_UNAVAILABLE, code="ocr_unavailable")
    done = _run([tesseract, str(path), "-", "-l", LANGUAGE, "--psm", "6", "tsv"])
    if done.returncode != 0:
        raise ImportRejected(messages.OCR_FAILED, code="ocr_failed")
    return parse_tsv(done.stdout)


def page_dpi(width_pt: float, height_pt: float) -> int:
    """The resolution a page of this size is rendered at: ``DPI``, or less for a page so
    large that ``DPI`` would give it more than ``MAX_PAGE_PIXELS``."""
    area_in = max(width_pt, 1.0) * max(height_pt, 1.0) / 72**2
    return max(1, min(DPI, int((MAX_PAGE_PIXELS / area_in) ** 0.5)))


def ocr_pdf_page(pdf_path: Path, page_number: int, workdir: Path, *, dpi: int = DPI) -> list[Line]:
    """Render one page of a PDF at ``dpi`` with pdftoppm and OCR it.

    Args:
        pdf_path: The PDF file.
        page_number: 1-based page number.
        workdir: A directory for the rendered image, removed by the caller.
        dpi: The resolution, :func:`page_dpi` of the page's size.

    Raises:
        ImportRejected: as :func:`ocr_image_file`, and ``ocr_failed`` when the page
            cannot be rendered.
    """
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise ImportRejected(messages.OCR_UNAVAILABLE, code="ocr_unavailable")
    prefix = workdir / f"page-{page_number}"
    page = str(page_number)
    done = _run(
        [
            pdftoppm,
            "-r",
            str(dpi),
            "-png",
            "-f",
            page,
            "-l",
            page,
            "-singlefile",
            str(pdf_path),
            str(prefix),
        ]
    )
    image = prefix.with_suffix(".png")
    if done.returncode != 0 or not image.exists():
        raise ImportRejected(messages.OCR_FAILED, code="ocr_failed")
    try:
        return ocr_image_file(image)
    finally:
        image.unlink(missing_ok=True)
