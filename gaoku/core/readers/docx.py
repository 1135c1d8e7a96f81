"""Word documents (.docx) through python-docx, with the guards a server needs.

Before anything is extracted, the zip's central directory is checked against zip bombs
(``check_zip``). The body is read in document order, table cells included (each cell
paragraph on its own line), and each paragraph keeps the number Word's automatic
numbering shows before it (``docx_numbering``). Headers, footers, footnotes, comments,
text boxes and deleted revisions are not part of the text.

Legacy Word files are recognised to be refused with a useful message: an OLE compound
file holding a ``WordDocument`` stream is a binary .doc, one holding an
``EncryptedPackage`` stream is a password-protected .docx, and ``{\\rtf`` starts RTF.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from io import BytesIO

import docx
from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from lxml.etree import _Element as Element

from gaoku.core.readers import messages
from gaoku.core.readers.base import ReadResult, extension, normalise_newlines
from gaoku.core.readers.docx_numbering import Numbering
from gaoku.core.readers.reflow import join_lines
from gaoku.errors import ImportRejected

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_RATIO = 100
# Small entries compress extremely well when repetitive (styles, settings) and cannot
# hurt; only big ones are held to the ratio.
RATIO_MIN_ENTRY_BYTES = 1024 * 1024

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_RTF_MAGIC = b"{\\rtf"


def _stream_name(name: str) -> tuple[bytes, bytes]:
    # OLE directory entries hold UTF-16LE names; accept a plain-ASCII one as well.
    return name.encode("utf-16-le"), name.encode("ascii")


_ENCRYPTED_PACKAGE = _stream_name("EncryptedPackage")
_WORD_DOCUMENT = _stream_name("WordDocument")
_TEXT_TAGS = {qn("w:t"): None, qn("w:tab"): "\t", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "-"}
# Subtrees whose text is not the paragraph's: the fallback copy of a drawing (the same
# content twice), text boxes, and text moved away in tracked changes.
_SKIPPED = frozenset(
    {
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
        qn("w:txbxContent"),
        qn("w:moveFrom"),
        qn("w:del"),
    }
)
_BLOCK_CONTAINERS = frozenset({qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")})


def check_zip(data: bytes) -> None:
    """Refuse a zip whose central directory announces a bomb, before extracting anything.

    Python's zipfile never inflates an entry past its declared ``file_size``, so the
    declared sizes bound what extraction can produce.

    Raises:
        ImportRejected: ``corrupt`` for a damaged zip; ``zip_bomb`` for more than
            ``MAX_ENTRIES`` entries, more than ``MAX_UNCOMPRESSED_BYTES`` in all, or an
            entry above ``RATIO_MIN_ENTRY_BYTES`` compressed more than ``MAX_RATIO`` times.
    """
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            infos = archive.infolist()
    except Exception as exc:
        # zipfile raises BadZipFile, but also ValueError, OSError or struct.error
        # on a damaged central directory.
        raise ImportRejected(messages.DOCX_CORRUPT, code="corrupt") from exc
    if not zip_within(infos, max_entries=MAX_ENTRIES, max_bytes=MAX_UNCOMPRESSED_BYTES):
        raise ImportRejected(messages.DOCX_ZIP_BOMB, code="zip_bomb")


def zip_within(infos: list[zipfile.ZipInfo], *, max_entries: int, max_bytes: int) -> bool:
    """Whether a zip's central directory stays within the limits: entries, bytes once
    inflated, and no big entry compressed more than ``MAX_RATIO`` times."""
    if len(infos) > max_entries or sum(info.file_size for info in infos) > max_bytes:
        return False
    return not any(
        info.file_size > RATIO_MIN_ENTRY_BYTES
        and info.file_size / max(info.compress_size, 1) > MAX_RATIO
        for info in infos
    )


def _run_text(element: Element) -> Iterator[str]:
    for child in element:
        tag = child.tag
        if tag in _SKIPPED:
            continue
        if tag in _TEXT_TAGS:
            replacement = _TEXT_TAGS[tag]
            yield (child.text or "") if replacement is None else replacement
        elif tag == qn("w:br"):
            # Page and column breaks are layout; only a line break is in the text.
            if child.get(qn("w:type")) in (None, "textWrapping"):
                yield "\n"
        elif tag != qn("w:pPr"):
            yield from _run_text(child)


def paragraph_text(paragraph: Element) -> str:
    """The text of one ``w:p`` element as written, without its automatic number."""
    return normalise_newlines("".join(_run_text(paragraph)))


def _blocks(container: Element) -> Iterator[Element]:
    """The ``w:p`` elements under a body or a table cell, in document order."""
    for child in container:
        if child.tag == qn("w:p"):
            yield child
        elif child.tag == qn("w:tbl"):
            for row in child.findall(qn("w:tr")):
                for cell in row.findall(qn("w:tc")):
                    yield from _blocks(cell)
        elif child.tag in _BLOCK_CONTAINERS:
            yield from _blocks(child)


def _paragraphs(document: DocumentObject) -> list[str]:
    part = document.part
    try:
        numbering_element = part.part_related_by(RT.NUMBERING).element
    except KeyError:
        numbering_element = None
    numbering = Numbering(numbering_element, document.styles.element)
    paragraphs = []
    for element in _blocks(document.element.body):
        label = numbering.label(element)
        text = paragraph_text(element)
        if text.strip():
            paragraphs.append(join_lines(label, text.lstrip()) if label else text)
    return paragraphs


class DocxReader:
    """Word 2007+ documents; also refuses legacy and encrypted Word files clearly."""

    format = "docx"

    def score(self, data: bytes, name: str) -> int:
        """High for a zip with a ``word/`` folder and for Word's OLE and RTF files.

        A zip that names no Word part still counts when the name ends in .docx, so that
        a damaged .docx is reported as damaged rather than unsupported.
        """
        if data.startswith(_ZIP_MAGIC):
            if b"word/" in data:
                return 100
            return 50 if extension(name) == "docx" else 0
        if data.startswith(_OLE_MAGIC):
            markers = (*_ENCRYPTED_PACKAGE, *_WORD_DOCUMENT)
            return 100 if any(marker in data for marker in markers) else 0
        return 100 if data.startswith(_RTF_MAGIC) else 0

    def read(self, data: bytes, name: str) -> ReadResult:
        """Extract the body's paragraphs, numbers included.

        Raises:
            ImportRejected: ``encrypted``, ``unsupported_format`` (.doc, RTF),
                ``zip_bomb`` or ``corrupt``.
        """
        if data.startswith(_OLE_MAGIC):
            if any(marker in data for marker in _ENCRYPTED_PACKAGE):
                raise ImportRejected(messages.DOCX_ENCRYPTED, code="encrypted")
            raise ImportRejected(messages.LEGACY_WORD, code="unsupported_format")
        if data.startswith(_RTF_MAGIC):
            raise ImportRejected(messages.LEGACY_WORD, code="unsupported_format")
        check_zip(data)
        try:
            paragraphs = _paragraphs(docx.Document(BytesIO(data)))
        except Exception as exc:
            # python-docx and lxml raise KeyError, ValueError, XMLSyntaxError,
            # AttributeError… on damaged parts: all mean a corrupt file.
            raise ImportRejected(messages.DOCX_CORRUPT, code="corrupt") from exc
        return ReadResult(text="\n".join(paragraphs), format=self.format, encoding=None, ocr=False)
