"""Localised copies: a template in the member's names and this year's terms, still the
member's traceable copy."""

from __future__ import annotations

import unicodedata

import pytest
from django.utils import timezone

from gaoku.copies.services import copy_issue
from gaoku.core.fingerprint import strip_marks
from gaoku.core.localize import Localisation
from gaoku.errors import InvalidInput
from gaoku.library.services import ImportMetadata, material_import
from gaoku.members.services import profile_ensure
from gaoku.traces.selectors import member_copy_beside
from gaoku.traces.services import trace_document, trace_run
from tests.conftest import DENSE_SPEECH, account
from tests.copies.conftest import copy_text

pytestmark = pytest.mark.django_db

ANSWERS = Localisation(
    fills={"XX县": "清溪县", "X部长": "王建国部长", "××同志": "张明同志"}, year=2026
)


@pytest.fixture
def template(attesting_reference):
    """The dense speech made a template: blanks for the county, two leaders and the year."""
    lines = DENSE_SPEECH.read_text().split("\n")
    lines[0] = lines[0].replace("全县", "XX县")
    lines.insert(3, "请X部长和××同志牵头，于20XX年底前把各项任务落到实处。")
    outcome = material_import(
        data="\n".join(lines).encode(),
        name="template.txt",
        metadata=ImportMetadata(published=timezone.localdate()),
    )
    return outcome.version.material


def _members(template, n=8):
    copies = {}
    for i in range(n):
        member = account("member", f"m{i}")
        issued = copy_issue(user=member, material=template, fmt="txt", address=None)
        copies[member.username] = copy_text(issued.content, "txt")
    return copies


def test_a_localised_copy_has_the_members_names_and_year_and_is_recorded(template):
    member = account("member", "li")
    issued = copy_issue(
        user=member, material=template, fmt="txt", address=None, localisation=ANSWERS
    )
    text = strip_marks(copy_text(issued.content, "txt"))
    assert "\n在清溪县安全生产工作会议上的讲话\n" in text
    assert "请王建国部长和张明同志牵头，于2026年底前" in text
    assert "XX县" not in text and "20XX年" not in text
    assert issued.copy.localisation["fills"]["XX县"] == "清溪县"
    assert issued.copy.localisation["day"] == timezone.localdate().isoformat()
    # The next template's form starts from these answers.
    assert profile_ensure(member).localise_answers == {**ANSWERS.fills, "year": 2026}


def test_a_stripped_excerpt_of_a_localised_copy_names_its_member(template):
    _members(template)
    leaker = account("member", "li")
    issued = copy_issue(
        user=leaker, material=template, fmt="docx", address=None, localisation=ANSWERS
    )
    leaked = unicodedata.normalize("NFKC", strip_marks(copy_text(issued.content, "docx")))
    trace = trace_run(by=account("admin"), channel="web", text=leaked)
    assert [a["member"] for a in trace_document(trace)["accused"]] == ["li"]
    rows = member_copy_beside(trace, "li")
    # The evidence is the member's localised copy: the fillings are not differences.
    assert all(kind == "equal" for kind, *_ in rows), [r for r in rows if r[0] != "equal"]


def test_unusable_answers_are_refused_and_no_copy_is_recorded(template):
    member = account("member", "li")
    with pytest.raises(InvalidInput, match="太长"):
        copy_issue(
            user=member,
            material=template,
            fmt="txt",
            address=None,
            localisation=Localisation(fills={"XX县": "县" * 41}),
        )
    assert not member.copies.exists()
