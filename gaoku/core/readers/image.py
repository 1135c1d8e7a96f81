"""PNG and JPEG images (photos and scans of documents), read by OCR."""

from __future__ import annotations

import struct
import tempfile
from pathlib import Path

from gaoku.core.readers import messages, ocr
from gaoku.core.readers.base import ReadResult
from gaoku.core.readers.reflow import reflow
from gaoku.errors import ImportRejected

# A page scanned at 600 dpi is 35 megapixels; beyond this bound an image is more likely
# a decompression bomb than a document, and tesseract would exhaust memory on it.
MAX_MEGAPIXELS = 150
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_JPEG_MAGIC = b"\xff\xd8\xff"
# JPEG start-of-frame markers carry the size; 0xC4, 0xC8 and 0xCC are not frames.
_JPEG_FRAMES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_JPEG_STANDALONE = frozenset(range(0xD0, 0xDA)) | {0x01}


def _png_size(data: bytes) -> tuple[int, int] | None:
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:
            position += 1
            continue
        if marker in _JPEG_STANDALONE:
            position += 2
            continue
        (length,) = struct.unpack(">H", data[position + 2 : position + 4])
        if marker in _JPEG_FRAMES:
            if position + 9 > len(data):
                return None
            height, width = struct.unpack(">HH", data[position + 5 : position + 9])
            return width, height
        position += 2 + length
    return None


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG or JPEG header, without decoding the pixels.

    Returns:
        ``(width, height)``, or ``None`` when the header is missing or malformed.
    """
    if data.startswith(_PNG_MAGIC):
        return _png_size(data)
    if data.startswith(_JPEG_MAGIC):
        return _jpeg_size(data)
    return None


class ImageReader:
    """Images of documents: OCR in simplified Chinese."""

    format = "image"

    def score(self, data: bytes, name: str) -> int:
        """High for the PNG and JPEG signatures."""
        return 100 if data.startswith((_PNG_MAGIC, _JPEG_MAGIC)) else 0

    def read(self, data: bytes, name: str) -> ReadResult:
        """OCR the image and reflow its lines into paragraphs.

        Raises:
            ImportRejected: ``corrupt`` (no readable size), ``too_large`` (over
                ``MAX_MEGAPIXELS``), ``ocr_unavailable``, ``ocr_failed``.
        """
        size = image_size(data)
        if size is None or 0 in size:
            raise ImportRejected(messages.IMAGE_CORRUPT, code="corrupt")
        if size[0] * size[1] > MAX_MEGAPIXELS * 1_000_000:
            raise ImportRejected(
                messages.IMAGE_TOO_LARGE.format(max_megapixels=MAX_MEGAPIXELS), code="too_large"
            )
        if not ocr.is_available():
            raise ImportRejected(messages.OCR_UNAVAILABLE, code="ocr_unavailable")
        suffix = ".png" if data.startswith(_PNG_MAGIC) else ".jpg"
        with tempfile.TemporaryDirectory(prefix="gaoku-image-") as workdir:
            path = Path(workdir) / f"image{suffix}"
            path.write_bytes(data)
            lines = ocr.ocr_image_file(path)
        return ReadResult(
            text="\n".join(reflow([lines])), format=self.format, encoding=None, ocr=True
        )
