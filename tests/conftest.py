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


def account(role: str, username: str | None = None):
    """A user of one role: admin, editor, visitor, or member (a visitor with a year of
    the annual plan from today)."""
    from gaoku.accounts.services import account_ensure
    from gaoku.members.selectors import plan_get
    from gaoku.members.services import subscription_add

    user = account_ensure(
        username=username or role,
        password="pw-for-tests-1",
        role="visitor" if role == "member" else role,
    )
    if role == "member":
        subscription_add(user=user, plan=plan_get("annual"))
    return user


def material_published(day, seed: int = 7):
    """A generated material imported with publication date ``day``."""
    from gaoku.library.services import ImportMetadata, material_import

    doc = generate_document(seed)
    outcome = material_import(
        data=doc.text.encode(), name=f"{seed}.txt", metadata=ImportMetadata(published=day)
    )
    return outcome.version.material


@pytest.fixture(autouse=True)
def _search_dir(settings, tmp_path):
    """Each test has its own embedded search index, never the data directory's."""
    settings.GAOKU_SEARCH_DIR = tmp_path / "search-index"


@pytest.fixture(autouse=True)
def _fingerprint_key(settings):
    """Copies in tests are marked with a fixed key, never the data directory's."""
    settings.GAOKU_FINGERPRINT_KEY = "tests-fingerprint-key"
