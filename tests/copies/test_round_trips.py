"""A member's copy keeps its notice and both fingerprint layers through the round trips
members put it through: Word files opened and saved again, PDF text extracted."""

import io

import pytest
from django.utils import timezone
from docx import Document

from gaoku.copies.keys import fingerprint_secret
from gaoku.copies.services import copy_issue, plan_slots
from gaoku.core.fingerprint import VersionCode, apply_choices, read_marks, strip_marks
from gaoku.members.services import profile_ensure
from tests.conftest import account, dense_material_published
from tests.core.render.copies import (
    body_of,
    libreoffice_resave,
    needs_pdftotext,
    needs_soffice,
    pdftotext,
    squeeze,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def issued(attesting_reference):
    """A member's DOCX and PDF copies of one material, with the wording they must carry
    (the hand-written dense speech: some 50 slots, so the member's wording is their own)."""
    material = dense_material_published(timezone.localdate())
    member = account("member")
    copies = {
        fmt: copy_issue(user=member, material=material, fmt=fmt, address=None)
        for fmt in ("docx", "pdf")
    }
    version = material.current
    code = VersionCode.build(fingerprint_secret(), version.pk, plan_slots(copies["pdf"].copy.plan))
    worded = apply_choices(version.text, code.slots, code.wordings(member.pk))
    assert worded != version.text
    return copies, worded, profile_ensure(member).display_code


def check(text: str, copy_id: int, worded: str, display_code: str, body: str = "") -> None:
    assert display_code in text
    assert [r.copy for r in read_marks(fingerprint_secret(), text)] == [copy_id]
    assert squeeze(worded) in squeeze(strip_marks(body or text))


@needs_soffice
def test_docx_resaved_by_libreoffice_keeps_notice_marks_and_wording(issued, tmp_path):
    copies, worded, code = issued
    resaved = Document(io.BytesIO(libreoffice_resave(copies["docx"].content, tmp_path)))
    paragraphs = [p.text for p in resaved.paragraphs]
    headers = [p.text for s in resaved.sections for p in s.header.paragraphs]
    check("\n".join(headers + paragraphs), copies["docx"].copy.pk, worded, code)


@needs_pdftotext
def test_pdf_text_extracted_by_pdftotext_keeps_notice_marks_and_wording(issued, tmp_path):
    copies, worded, code = issued
    text = pdftotext(copies["pdf"].content, tmp_path)
    # Each page repeats the notice in its header and ends with its number.
    body = body_of(text, notice=f"仅供学习 禁止外传 · {code}")
    check(text, copies["pdf"].copy.pk, worded, code, body)
