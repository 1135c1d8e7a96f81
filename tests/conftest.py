"""Shared test data: files made from the project's own document generator."""

from __future__ import annotations

import io

import pytest
from docx import Document

from gaoku.core.generator import GeneratedDocument, generate_document


def docx_bytes(text: str) -> bytes:
    """A .docx with one Word paragraph per line of ``text``."""
    document = Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def speech() -> GeneratedDocument:
    return generate_document(42, doc_type="讲话稿")
