"""PDF files: the text layer through pypdf, OCR for the pages that have none.

Each page's text is taken in pypdf's layout mode, which keeps the indentation that
marks a new paragraph in Chinese documents (plain mode is the fallback when layout mode
fails on a page), then the lines are reflowed into paragraphs (see ``reflow``). A page
with almost no text layer (a scan, or a watermark over a scan) is rendered and OCR'd
instead, when OCR is available.
"""

from __future__ import annotations

import re
import tempfile
from io import BytesIO
from pathlib import Path

from pypdf import PageObject
from pypdf import PdfReader as _PypdfReader
from pypdf.errors import DependencyError

from gaoku.core.readers import messages, ocr
from gaoku.core.readers.base import ReadResult
from gaoku.core.readers.reflow import Line, reflow, squeeze_spaces
from gaoku.errors import ImportRejected

MAX_PAGES = 500
# Fewer meaningful characters than this on a page means a scan: even a closing page
# with only a signature and a date has more.
MIN_TEXT_CHARS_PER_PAGE = 10
# The header may sit a little after the start (some producers prepend junk).
_MAGIC_WINDOW = 1024
# Indentation in layout mode is counted in spaces; two characters of indent give two or
# more, while stray single spaces are noise.
_INDENT_SPACES = 2
_MEANINGFUL = re.compile(r"[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]")


def _corrupt(exc: Exception) -> ImportRejected:
    if isinstance(exc, DependencyError):
        return ImportRejected(messages.PDF_AES_UNAVAILABLE, code="encrypted")
    # pypdf raises many exception types on malformed input (PdfReadError, ValueError,
    # KeyError, TypeError, RecursionError, LimitReachedError for a decompression
    # bomb…): all mean a file that cannot be read.
    return ImportRejected(messages.PDF_CORRUPT, code="corrupt")


def _open(data: bytes) -> _PypdfReader:
    try:
        reader = _PypdfReader(BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception as exc:
        raise _corrupt(exc) from exc
    if encrypted:
        try:
            opened = bool(reader.decrypt(""))
        except DependencyError as exc:
            raise _corrupt(exc) from exc
        except Exception:
            # An unknown security handler (certificates, a vendor's DRM) is a lock too.
            opened = False
        if not opened:
            raise ImportRejected(messages.PDF_ENCRYPTED, code="encrypted")
    try:
        page_count = len(reader.pages)
    except Exception as exc:
        raise _corrupt(exc) from exc
    if page_count > MAX_PAGES:
        raise ImportRejected(
            messages.PDF_TOO_MANY_PAGES.format(max_pages=MAX_PAGES), code="too_large"
        )
    return reader


def _page_text(page: PageObject) -> str:
    try:
        return page.extract_text(extraction_mode="layout")
    except Exception:
        # Layout mode is the younger code path; plain mode still gives the text.
        pass
    try:
        return page.extract_text()
    except Exception as exc:
        raise _corrupt(exc) from exc


def text_lines(text: str) -> list[Line]:
    """Split a page's extracted text into lines, marking those indented past the margin.

    Args:
        text: The text of one page, as pypdf extracts it.

    Returns:
        The non-blank lines, with spaces next to CJK characters removed.
    """
    raw = [line for line in text.replace("\r", "\n").split("\n") if line.strip()]
    indents = [len(line) - len(line.lstrip(" \t\u3000")) for line in raw]
    margin = min(indents, default=0)
    return [
        Line(squeeze_spaces(line), indent - margin >= _INDENT_SPACES or line.startswith("\u3000"))
        for line, indent in zip(raw, indents, strict=True)
    ]


def _meaningful_chars(lines: list[Line]) -> int:
    return sum(len(_MEANINGFUL.findall(line.text)) for line in lines)


def _ocr_pages(
    data: bytes, pages: list[list[Line]], wanted: list[int], sizes: list[tuple[float, float]]
) -> bool:
    """Replace the wanted pages' lines by their OCR; whether OCR found any text."""
    found = False
    with tempfile.TemporaryDirectory(prefix="gaoku-pdf-") as workdir:
        pdf_path = Path(workdir) / "input.pdf"
        pdf_path.write_bytes(data)
        for index in wanted:
            dpi = ocr.page_dpi(*sizes[index])
            lines = ocr.ocr_pdf_page(pdf_path, index + 1, Path(workdir), dpi=dpi)
            if lines:
                pages[index], found = lines, True
    return found


def _size(page: PageObject) -> tuple[float, float]:
    """A page's width and height in points (a broken box counts as a letter page)."""
    try:
        box = page.mediabox
        return abs(float(box.width)), abs(float(box.height))
    except Exception:  # a malformed box must not fail the import
        return 612.0, 792.0


class PdfReader:
    """PDF documents, with OCR for scanned pages."""

    format = "pdf"

    def score(self, data: bytes, name: str) -> int:
        """High when the ``%PDF-`` header is near the start."""
        return 100 if b"%PDF-" in data[:_MAGIC_WINDOW] else 0

    def read(self, data: bytes, name: str) -> ReadResult:
        """Extract the text layer, OCR the pages without one, reflow into paragraphs.

        Raises:
            ImportRejected: ``corrupt``, ``encrypted`` (not opening with the empty
                password), ``too_large`` (over ``MAX_PAGES`` pages), and
                ``ocr_unavailable`` when no page has text and OCR is not installed.
        """
        reader = _open(data)
        pages = [text_lines(_page_text(page)) for page in reader.pages]
        scanned = [
            i for i, lines in enumerate(pages) if _meaningful_chars(lines) < MIN_TEXT_CHARS_PER_PAGE
        ]
        used_ocr = False
        if scanned:
            if ocr.is_available(pdf=True):
                sizes = [_size(page) for page in reader.pages]
                used_ocr = _ocr_pages(data, pages, scanned, sizes)
            elif len(scanned) == len(pages):
                raise ImportRejected(messages.OCR_UNAVAILABLE, code="ocr_unavailable")
        return ReadResult(
            text="\n".join(reflow(pages)), format=self.format, encoding=None, ocr=used_ocr
        )
