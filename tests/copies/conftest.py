"""Reading copies back, as a member's tools would."""

from __future__ import annotations

import io
import subprocess

from docx import Document


def copy_text(content: bytes, fmt: str) -> str:
    """The text a member gets out of a copy: decoded TXT, Word paragraphs, pdftotext."""
    if fmt == "txt":
        return content.decode("utf-8-sig").replace("\r\n", "\n")
    if fmt == "docx":
        return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=content, capture_output=True, check=True
    )
    return result.stdout.decode()
