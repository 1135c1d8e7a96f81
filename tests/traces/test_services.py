"""Leak traces: the right member named from what a leaker passes on, never an innocent one."""

from __future__ import annotations

import unicodedata

import pytest
from django.utils import timezone

from gaoku.copies.services import copy_issue
from gaoku.core.fingerprint import strip_marks
from gaoku.core.generator import generate_document
from gaoku.errors import InvalidInput
from gaoku.traces.models import Trace
from gaoku.traces.selectors import member_copy_beside
from gaoku.traces.services import trace_document, trace_run
from tests.conftest import account, dense_material_published, docx_bytes
from tests.copies.conftest import copy_text

pytestmark = pytest.mark.django_db

MEMBERS = 12


@pytest.fixture
def library(attesting_reference):
    """The hand-written dense speech (about 1,800 characters, some 50 slots), and a TXT
    copy of it for each of 12 members."""
    material = dense_material_published(timezone.localdate())
    admin = account("admin")
    copies = {}
    for n in range(MEMBERS):
        member = account("member", f"m{n:02d}")
        issued = copy_issue(user=member, material=material, fmt="txt", address=None)
        copies[member.username] = copy_text(issued.content, "txt")
    return material, admin, copies


def run(admin, **kwargs) -> dict:
    return trace_document(trace_run(by=admin, channel="web", **kwargs))


def test_a_full_copy_names_its_member_by_both_layers(library):
    material, admin, copies = library
    result = run(admin, text=copies["m03"])
    assert (result["material"], result["version"]) == (material.pk, 1)
    assert result["candidates"] == MEMBERS
    assert [a["member"] for a in result["accused"]] == ["m03"]
    assert result["accused"][0]["false_accusation_bound"] <= 1e-6
    assert [c["member"] for c in result["layers"]["invisible"]["copies"]] == ["m03"]
    assert result["suspects"][0]["member"] == "m03"


def test_stripped_normalised_rewrapped_copy_is_named_by_its_wording(library):
    _, admin, copies = library
    leaked = unicodedata.normalize("NFKC", strip_marks(copies["m07"])).replace("\n", " ")
    result = run(admin, text=leaked)
    assert result["layers"]["invisible"]["copies"] == []
    assert result["layers"]["lexical"]["slots_read"] > 40
    assert [a["member"] for a in result["accused"]] == ["m07"]


def test_a_short_marked_excerpt_names_the_copy_exactly(library):
    _, admin, copies = library
    text = copies["m05"]
    visible = [i for i, c in enumerate(text) if c.isprintable() and not c.isspace()]
    start = visible[len(visible) // 2]
    excerpt = text[start : visible[visible.index(start) + 200]]
    result = run(admin, text=excerpt)
    assert [a["member"] for a in result["accused"]] == ["m05"]


def test_text_never_issued_matches_nothing_and_accuses_nobody(library):
    _, admin, _ = library
    result = run(admin, text=generate_document(9001, doc_type="讲话稿").text)
    assert result["material"] is None and result["version"] is None
    assert result["accused"] == [] and result["candidates"] == 0


def test_the_master_itself_accuses_nobody(library):
    material, admin, _ = library
    result = run(admin, text=material.current.text)
    assert result["material"] == material.pk
    assert result["accused"] == []


def test_a_docx_upload_is_read_and_traced(library):
    _, admin, copies = library
    result = run(admin, data=docx_bytes(copies["m01"]), filename="转发.docx")
    assert [a["member"] for a in result["accused"]] == ["m01"]


def test_every_trace_is_kept_with_input_result_and_who_ran_it(library):
    _, admin, copies = library
    trace = trace_run(by=admin, channel="api", data=copies["m02"].encode(), filename="a.txt")
    kept = Trace.objects.get(pk=trace.pk)
    assert kept.operator == "admin" and kept.ran_by == admin and kept.channel == "api"
    assert kept.upload == copies["m02"].encode() and kept.filename == "a.txt"
    assert [u.username for u in kept.accused.all()] == ["m02"]
    assert kept.result["evidence"]["m02"]


@pytest.mark.parametrize("text", ["", "   \n", "\u200b\u200c\u200d"])
def test_nothing_to_trace_is_refused_and_nothing_kept(library, text):
    _, admin, _ = library
    with pytest.raises(InvalidInput):
        trace_run(by=admin, channel="web", text=text)
    assert not Trace.objects.exists()


def test_a_scan_of_a_printed_pdf_copy_is_read_by_ocr_and_traced(library, tmp_path):
    """A member's PDF copy printed and scanned: page images in a PDF, read back by OCR."""
    import subprocess

    from PIL import Image

    material, admin, _ = library
    member = account("member", "m99")
    issued = copy_issue(user=member, material=material, fmt="pdf", address=None)
    (tmp_path / "copy.pdf").write_bytes(issued.content)
    # 200 dpi, a usual scanner setting: at 150 dpi tesseract garbles so much of this
    # 1,800-character speech that the evidence (21–32 bits over six members' copies) is
    # at times under what naming one of 13 candidates at 1e-6 takes.
    subprocess.run(["pdftoppm", "-r", "200", "-png", "copy.pdf", "page"], cwd=tmp_path, check=True)
    pages = [Image.open(p).convert("RGB") for p in sorted(tmp_path.glob("page*.png"))]
    pages[0].save(tmp_path / "scan.pdf", save_all=True, append_images=pages[1:])
    scan = (tmp_path / "scan.pdf").read_bytes()
    trace = trace_run(by=admin, channel="web", data=scan, filename="scan.pdf")
    assert trace.ocr
    result = trace_document(trace)
    assert result["material"] == material.pk
    assert result["layers"]["invisible"]["copies"] == []
    assert [a["member"] for a in result["accused"]] == ["m99"]


def test_a_leak_from_an_older_version_is_traced_to_that_versions_member(library):
    """Versions share most of their text: an excerpt of the shared part matches both."""
    from gaoku.library.services import material_import

    material, admin, copies = library
    master = material.current.text
    last = master.rstrip().rsplit("\n", 1)[-1]
    revised = master.replace(last, last + "各单位要结合实际抓好贯彻落实。")
    outcome = material_import(data=revised.encode(), name="v2.txt")
    assert (outcome.version.material, outcome.version.number) == (material, 2)
    newer = account("member", "n01")
    copy_issue(user=newer, material=material, fmt="txt", address=None)
    leaked = unicodedata.normalize("NFKC", strip_marks(copies["m04"]))[:1500]
    trace = trace_run(by=admin, channel="web", text=leaked)
    result = trace_document(trace)
    assert [a["member"] for a in result["accused"]] == ["m04"]
    assert result["candidates"] == MEMBERS + 1
    beside = member_copy_beside(trace, "m04")
    assert sum(len(own) for tag, own, _ in beside if tag == "equal") > 1000


def unrelated(seed: int) -> str:
    """Official prose the library does not hold: a reseller's padding in a compilation."""
    return generate_document(seed, doc_type="讲话稿").text


def stripped(text: str) -> str:
    return unicodedata.normalize("NFKC", strip_marks(text))


def test_a_copy_inside_a_compilation_of_other_text_is_found_and_traced(library):
    material, admin, copies = library
    alone = run(admin, text=stripped(copies["m03"]))
    posted = "\n".join([unrelated(11), stripped(copies["m03"]), unrelated(12), unrelated(13)])
    result = run(admin, text=posted)
    (segment,) = result["segments"]
    assert segment["material"] == material.pk
    assert posted[segment["start"] : segment["end"]] in stripped(copies["m03"])
    assert segment["end"] - segment["start"] > 0.9 * len(stripped(copies["m03"]))
    assert [a["member"] for a in result["accused"]] == ["m03"]
    assert result["accused"] == alone["accused"]


def test_two_leaked_copies_in_one_text_are_two_segments_each_traced_at_half_the_level(
    library,
):
    _, admin, copies = library
    alone = run(admin, text=stripped(copies["m03"]))["accused"][0]["false_accusation_bound"]
    posted = "\n".join([stripped(copies["m03"]), unrelated(21), stripped(copies["m08"])])
    result = run(admin, text=posted)
    first, second = result["segments"]
    assert first["end"] <= second["start"]
    assert [a["member"] for a in first["accused"]] == ["m03"]
    assert [a["member"] for a in second["accused"]] == ["m08"]
    assert sorted(a["member"] for a in result["accused"]) == ["m03", "m08"]
    # Each segment is tested at level / 2: its bound counts twice what it would alone.
    assert first["accused"][0]["false_accusation_bound"] == pytest.approx(2 * alone)


def test_stock_phrases_shared_with_the_library_are_no_segment(library):
    material, admin, _ = library
    # Two short clauses of the master inside unrelated prose: stock agreement, not a leak.
    clause = material.current.text.split("。")[3][:15]
    posted = unrelated(31) + clause + unrelated(32)[:400]
    result = run(admin, text=posted)
    assert result["segments"] == [] and result["accused"] == []


def test_innocents_are_never_accused_in_seeded_compilations(library):
    """Calibration of the segment path at a looser level than the product's 1e-6:
    compilations of two or three stripped excerpts from random members among unrelated
    text; each segment may name only its own leaker. At 1e-4 per trace the eight traces
    accuse an innocent with probability under 1e-3 (at 1e-2 it happened, as the bound
    allows, in one CI run of six: members' ids, and so their codes, differ per run)."""
    import random

    from gaoku.traces.services import trace_text

    _, _, copies = library
    rng = random.Random(15)
    named = 0
    for trial in range(8):
        leakers = rng.sample(sorted(copies), rng.choice([2, 3]))
        pieces, spans = [unrelated(600 + trial)[:500]], []
        for leaker in leakers:
            copy = stripped(copies[leaker])
            start = rng.randrange(len(copy) - 900)
            excerpt = copy[start : start + rng.randrange(500, 900)]
            offset = sum(len(p) + 1 for p in pieces)
            spans.append((offset, offset + len(excerpt), leaker))
            pieces += [excerpt, unrelated(700 + trial)[: rng.randrange(100, 600)]]
        result, _, _ = trace_text("\n".join(pieces), level=1e-4)
        for segment in result["segments"]:
            owners = {who for a, b, who in spans if a < segment["end"] and segment["start"] < b}
            accused = {a["member"] for a in segment["accused"]}
            assert accused <= owners, (trial, segment, spans)
            named += len(accused)
        assert {a["member"] for a in result["accused"]} <= set(leakers)
    assert named > 0


def test_a_copy_converted_to_traditional_script_traces_as_the_simplified_one(library):
    import opencc

    _, admin, copies = library
    simplified = stripped(copies["m09"])
    traditional = opencc.OpenCC("s2t").convert(simplified)
    assert traditional != simplified
    expected = run(admin, text=simplified)
    result = run(admin, text=traditional)
    assert [a["member"] for a in result["accused"]] == ["m09"]
    assert result["accused"] == expected["accused"]
    # A character or two may not come back as it was (s2t then t2s is not the identity).
    assert result["matched_chars"] >= 0.99 * expected["matched_chars"]
