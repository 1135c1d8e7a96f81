"""Writers of a member's copy: TXT, DOCX and PDF.

``render(document, fmt)`` lays out a ``CopyDocument`` (the copy's text, already carrying
its fingerprint, and the member's visible notice) in one of ``FORMATS``. The writers only
lay out: every character of the text reaches the file in order, the invisible marks
included, and each format's round trip is tested (``tests/core/render``):

* TXT decodes back to the text;
* DOCX reads back through python-docx, also after LibreOffice has opened and re-saved it
  (``soffice --headless --convert-to docx``);
* PDF extracts back through Poppler's ``pdftotext`` and pypdf; how the marks are drawn and
  why each is wrapped in an ``/ActualText`` span is told in ``pdf``.
"""

from __future__ import annotations

from gaoku.core.render.base import CopyDocument, Format
from gaoku.core.render.docx import write_docx
from gaoku.core.render.fonts import FontMissing
from gaoku.core.render.pdf import write_pdf
from gaoku.core.render.txt import write_txt

__all__ = ["FORMATS", "CopyDocument", "FontMissing", "Format", "render"]

FORMATS: dict[str, Format] = {
    "txt": Format(".txt", "text/plain; charset=utf-8", write_txt),
    "docx": Format(
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        write_docx,
    ),
    "pdf": Format(".pdf", "application/pdf", write_pdf),
}


def render(document: CopyDocument, fmt: str) -> bytes:
    """The bytes of ``document`` in the format ``fmt`` (a key of ``FORMATS``).

    Raises:
        ValueError: On an unknown format.
        FontMissing: For PDF, when a font package is not installed.
    """
    try:
        writer = FORMATS[fmt].write
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; expected one of {tuple(FORMATS)}") from None
    return writer(document)
