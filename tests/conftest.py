"""Shared test data: files made from the project's own document generator."""

from __future__ import annotations

import io
from pathlib import Path

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
def judge_neutral(monkeypatch):
    """The cleaner's learned line judge with no opinion on any line: for tests of what
    the rules and the library's learning do, which must not hang on how the judge, retrained
    with every labelled set, reads one invented brand."""
    monkeypatch.setattr("gaoku.core.cleaning._scores", lambda lines: [0.0] * len(lines))


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
def _private_dirs(settings, tmp_path):
    """Each test has its own embedded search index and uploads, never the data
    directory's."""
    settings.GAOKU_SEARCH_DIR = tmp_path / "search-index"
    settings.DATA_DIR = tmp_path / "data"


@pytest.fixture(autouse=True)
def _fingerprint_key(settings):
    """Copies in tests are marked with a fixed key, never the data directory's."""
    settings.GAOKU_FINGERPRINT_KEY = "tests-fingerprint-key"


def reading_copy_shown(body: str, material, member) -> bool:
    """Whether ``body`` shows ``member`` the whole current text of ``material`` as their
    own reading copy: its marks name that copy, and every paragraph is there as the
    member's wordings have it."""
    from gaoku.copies.keys import fingerprint_secret
    from gaoku.copies.models import Copy
    from gaoku.copies.services import plan_slots
    from gaoku.core.fingerprint import VersionCode, read_marks, strip_marks

    copy = Copy.objects.filter(member=member, version=material.current, channel="view").first()
    if copy is None:
        return False
    code = VersionCode.build(fingerprint_secret(), copy.version_id, plan_slots(copy.plan))
    worded = strip_marks(code.copy_text(copy.version.text, member.pk, copy.pk))
    shown = strip_marks(body)
    named = [reading.copy for reading in read_marks(fingerprint_secret(), body)]
    return named == [copy.pk] and all(p in shown for p in worded.split("\n")[1:])


def shows_text_of(body: str, material) -> bool:
    """Whether ``body`` holds the last paragraph of ``material`` in any member's wording:
    the master's, or marked (full text is only ever shown marked)."""
    from gaoku.core.fingerprint import strip_marks
    from gaoku.core.text import MARK_ALPHABET

    last = material.current.text.split("\n")[-1]
    return last in strip_marks(body) or any(c in body for c in MARK_ALPHABET)


DENSE_SPEECH = Path(__file__).parent / "data" / "speech_dense.txt"


@pytest.fixture
def attesting_reference(settings, tmp_path):
    """A reference corpus that attests every wording the hand-written dense speech offers
    and holds none of its phrases as they stand: the speech with each slot in its other
    wording. Traces by wording need slots, and in a library of one material there is no
    other prose to attest them."""
    from gaoku.core.fingerprint import apply_choices, find_slots
    from gaoku.core.lexicon import load_lexicon

    text = DENSE_SPEECH.read_text()
    slots = find_slots(text, load_lexicon())
    folder = tmp_path / "reference"
    folder.mkdir()
    reworded = apply_choices(text, slots, [len(s.variants) - 1 for s in slots])
    (folder / "reworded.txt").write_text(reworded)
    settings.GAOKU_REFERENCE_CORPUS = str(folder)
    return text


def dense_material_published(day, *, name: str = "dense.txt"):
    """The hand-written dense speech imported with publication date ``day``."""
    from gaoku.library.services import ImportMetadata, material_import

    outcome = material_import(
        data=DENSE_SPEECH.read_bytes(), name=name, metadata=ImportMetadata(published=day)
    )
    return outcome.version.material
