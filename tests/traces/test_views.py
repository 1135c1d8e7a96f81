"""The trace page and API: admins only, clear errors, nothing kept from a failed trace."""

from __future__ import annotations

import unicodedata

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gaoku.copies.services import copy_issue
from gaoku.core.fingerprint import strip_marks
from gaoku.ops.models import Job
from gaoku.ops.worker import jobs_run_pending
from gaoku.traces.models import Trace
from tests.conftest import account, dense_material_published
from tests.copies.conftest import copy_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def leaked(attesting_reference):
    """A stripped, normalised copy of member 'li', one of three members with copies."""
    material = dense_material_published(timezone.localdate())
    copies = {}
    for name in ("li", "wang", "zhang"):
        issued = copy_issue(
            user=account("member", name), material=material, fmt="txt", address=None
        )
        copies[name] = copy_text(issued.content, "txt")
    return unicodedata.normalize("NFKC", strip_marks(copies["li"]))


def test_a_compilation_shows_each_segment_and_its_member(client, leaked):
    from gaoku.core.generator import generate_document

    # The copy broken by a reseller's line, another document, and the copy again.
    half = len(leaked) // 2
    advert = "更多精品范文请关注公众号笔杆子文库每日更新\n" * 3
    posted = "\n".join([leaked[:half] + advert + leaked[half:], generate_document(5).text, leaked])
    client.force_login(account("admin"))
    response = client.post(reverse("traces:new"), {"text": posted}, follow=True)
    page = response.content.decode()
    assert page.count('data-testid="segment"') == 2
    assert "分段" in page and "li" in page
    trace = Trace.objects.get()
    assert [s["accused"][0]["member"] for s in trace.result["segments"]] == ["li", "li"]


def test_an_admin_traces_pasted_text_and_reads_the_evidence(client, leaked):
    client.force_login(account("admin"))
    response = client.post(reverse("traces:new"), {"text": leaked})
    trace = Trace.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/traces/{trace.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "li" in [u.username for u in trace.accused.all()]
    assert 'data-testid="beside"' in page and "<mark>" not in page.split("beside")[0]
    assert "1.0e-06" not in page  # the bound shown is the member's, far below the level
    listing = client.get(reverse("traces:new")).content.decode()
    assert f"/traces/{trace.pk}/" in listing


@pytest.mark.parametrize("role", ["member", "editor", "visitor"])
def test_only_admins_trace_or_read_traces(client, leaked, role):
    admin_client = Client()
    admin_client.force_login(account("admin"))
    admin_client.post(reverse("traces:new"), {"text": leaked})
    trace = Trace.objects.get()
    client.force_login(account(role))
    assert client.get(reverse("traces:new")).status_code == 302
    assert client.post(reverse("traces:new"), {"text": leaked}).status_code == 302
    assert client.get(reverse("traces:detail", args=[trace.pk])).status_code == 302
    assert Trace.objects.count() == 1
    api = client.post("/api/traces", {"text": leaked})
    assert api.status_code == 403 and api.json()["error"]["code"] == "forbidden"
    assert client.get(f"/api/traces/{trace.pk}").status_code == 403


def test_a_forged_post_without_csrf_is_refused(leaked):
    client = Client(enforce_csrf_checks=True)
    client.force_login(account("admin"))
    assert client.post(reverse("traces:new"), {"text": leaked}).status_code == 403
    assert not Trace.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("broken.docx", b"PK\x03\x04 not really a zip", "损坏"),
        ("empty.txt", b"", "空文件"),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, ""),
    ],
)
def test_unreadable_uploads_are_clear_errors_and_keep_nothing(
    client, leaked, name, content, message
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(account("admin"))
    response = client.post(reverse("traces:new"), {"file": SimpleUploadedFile(name, content)})
    if name.endswith(".png"):
        # An image is read by OCR in the background; the job fails with the reason.
        assert response.status_code == 302 and "/jobs/" in response.url
        jobs_run_pending()
        page = client.get(response.url).content.decode()
        assert 'data-state="failed"' in page and 'role="alert"' in page
        assert Job.objects.get().error
    else:
        assert response.status_code == 200
        assert 'class="errorlist' in response.content.decode()
        assert message in response.content.decode()
    assert not Trace.objects.exists()


def test_a_scan_is_traced_in_the_background_and_its_page_leads_to_the_trace(client, leaked):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.core.readers.reader_files import typeset_pdf

    client.force_login(account("admin"))
    scan = SimpleUploadedFile("leak.pdf", typeset_pdf("", leaked.split("\n")))
    response = client.post(reverse("traces:new"), {"file": scan})
    assert response.status_code == 302 and "/jobs/" in response.url
    assert not Trace.objects.exists()
    jobs_run_pending()
    trace = Trace.objects.get()
    assert client.get(response.url)["Location"] == f"/traces/{trace.pk}/"
    assert "li" in [u.username for u in trace.accused.all()]
    assert Job.objects.get().items == [{"name": "leak.pdf", "trace": trace.pk}]


def test_the_api_traces_text_and_files_and_returns_the_contract(client, leaked):
    from django.core.files.uploadedfile import SimpleUploadedFile

    assert client.post("/api/traces", {"text": leaked}).status_code == 401
    client.force_login(account("admin"))
    body = client.post("/api/traces", {"text": leaked}).json()
    assert set(body) == {
        "id",
        "material",
        "version",
        "matched_chars",
        "candidates",
        "layers",
        "accused",
        "suspects",
        "segments",
    }
    assert [a["member"] for a in body["accused"]] == ["li"]
    assert client.get(f"/api/traces/{body['id']}").json() == body
    upload = SimpleUploadedFile("leak.txt", leaked.encode("gb18030"))
    again = client.post("/api/traces", {"file": upload}).json()
    assert [a["member"] for a in again["accused"]] == ["li"]
    assert client.get("/api/traces/999999").status_code == 404
    assert client.post("/api/traces", {}).json()["error"]["code"] == "no_text"


def test_the_api_traces_a_scan_in_the_background_and_leads_to_the_trace(client, leaked):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.core.readers.reader_files import typeset_pdf

    client.force_login(account("admin"))
    scan = SimpleUploadedFile("leak.pdf", typeset_pdf("", leaked.split("\n")))
    response = client.post("/api/traces", {"file": scan})
    assert response.status_code == 202
    job = response.json()["job"]
    assert job["kind"] == "trace" and job["state"] == "queued"
    assert not Trace.objects.exists()
    jobs_run_pending()
    done = client.get(f"/api/jobs/{job['id']}").json()
    assert done["state"] == "done"
    [item] = done["items"]
    trace = client.get(f"/api/traces/{item['trace']}").json()
    assert [a["member"] for a in trace["accused"]] == ["li"]
    assert Trace.objects.get().channel == "api"
