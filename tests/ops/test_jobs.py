"""Background jobs: queued with their input, run by the worker, failed with a reason and
retried, resumed after a crash without doing anything twice."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from gaoku.core.generator import generate_document
from gaoku.library.models import Material
from gaoku.ops import jobs
from gaoku.ops.jobs import job_retry, job_submit, jobs_recover, uploads_dir
from gaoku.ops.models import Job
from gaoku.ops.worker import jobs_run_pending
from tests.conftest import account

pytestmark = pytest.mark.django_db


def _texts(*seeds: int) -> list[tuple[str, io.BytesIO]]:
    return [(f"{s}.txt", io.BytesIO(generate_document(s).text.encode())) for s in seeds]


def _import_job(editor, *seeds: int) -> Job:
    return job_submit(
        kind=Job.Kind.IMPORT, by=editor, params={"metadata": {}}, files=_texts(*seeds)
    )


def broken_runner(job, inputs):
    raise RuntimeError("disk on fire")


def test_a_job_waits_with_its_input_until_the_worker_runs_it():
    job = _import_job(account("editor"), 1, 2)
    assert job.state == "queued" and job.total == 2
    assert sorted(p.name for p in (uploads_dir() / job.inputs).iterdir()) == ["0000", "0001"]
    assert not Material.objects.exists()
    jobs_run_pending()
    job.refresh_from_db()
    assert job.state == "done" and job.attempts == 1 and len(job.items) == 2
    assert Material.objects.count() == 2
    # Done: the input is not kept twice (the materials hold their text).
    assert not (uploads_dir() / job.inputs).exists()


def test_a_failing_job_says_why_keeps_its_input_and_can_be_retried(monkeypatch, caplog):
    job = _import_job(account("editor"), 3)
    monkeypatch.setitem(jobs.RUNNERS, Job.Kind.IMPORT, f"{__name__}.broken_runner")
    jobs_run_pending()
    job.refresh_from_db()
    assert job.state == "failed" and f"编号 {job.pk}" in job.error
    assert "disk on fire" not in job.error  # the reason is logged, not shown
    assert any("disk on fire" in r.exc_text for r in caplog.records if r.exc_text)
    assert (uploads_dir() / job.inputs / "0000").exists()
    monkeypatch.undo()
    job_retry(job)
    jobs_run_pending()
    job.refresh_from_db()
    assert job.state == "done" and Material.objects.count() == 1


def test_only_a_failed_job_can_be_retried():
    job = _import_job(account("editor"), 4)
    with pytest.raises(Exception, match="只有失败的任务"):
        job_retry(job)


def test_a_job_interrupted_midway_goes_on_from_where_it_stopped(monkeypatch):
    """The worker dies reading the second file, then again importing the second: each
    time the job is found stale, queued again, and goes on; no file is read twice and
    nothing is imported twice."""
    job = _import_job(account("editor"), 5, 6, 7)
    import gaoku.core.readers.kept as kept_reads
    import gaoku.library.jobs as import_jobs

    real_read, real_import = kept_reads.read_bytes, import_jobs.read_result_import
    reads, imports = [], []

    def dies_reading_the_second(data, **kwargs):
        reads.append(kwargs["name"])
        if len(reads) == 2:
            raise SystemExit("killed")  # as a killed process: nothing after this runs
        return real_read(data, **kwargs)

    def dies_importing_the_second(*args):
        imports.append(args[1])
        if len(imports) == 2:
            raise SystemExit("killed")
        return real_import(*args)

    monkeypatch.setattr(kept_reads, "read_bytes", dies_reading_the_second)
    monkeypatch.setattr(import_jobs, "read_result_import", dies_importing_the_second)
    for _ in range(2):
        with pytest.raises(SystemExit):
            jobs.job_execute(job.pk)
        job.refresh_from_db()
        assert job.state == "running"
        assert jobs_recover() == 0  # its heartbeat is fresh: maybe still running elsewhere
        Job.objects.filter(pk=job.pk).update(heartbeat=timezone.now() - timedelta(minutes=5))
        assert jobs_recover() == 1
    assert reads == ["0000", "0001", "0001", "0002"]
    assert len(job.items) == 1 and imports == ["5.txt", "6.txt"]
    jobs_run_pending()
    job.refresh_from_db()
    assert job.state == "done" and job.attempts == 3
    assert reads == ["0000", "0001", "0001", "0002"]  # what was read was kept
    assert [item["status"] for item in job.items] == ["created"] * 3
    assert Material.objects.count() == 3


def test_a_job_that_keeps_killing_its_worker_is_stopped():
    job = _import_job(account("editor"), 8)
    Job.objects.filter(pk=job.pk).update(attempts=jobs.MAX_ATTEMPTS)
    jobs.job_execute(job.pk)
    job.refresh_from_db()
    assert job.state == "failed" and "中断" in job.error


def test_a_job_page_is_its_submitters(client):
    editor = account("editor")
    job = _import_job(editor, 9)
    url = reverse("ops:job", args=[job.pk])
    assert client.get(url).status_code == 302  # sign in first
    client.force_login(account("editor", "another-editor"))
    assert client.get(url).status_code == 403
    assert client.get(f"/api/jobs/{job.pk}").status_code == 403
    assert client.post(reverse("ops:job_retry", args=[job.pk])).status_code == 403
    client.force_login(editor)
    assert client.get(url).status_code == 200
    data = client.get(f"/api/jobs/{job.pk}").json()
    assert data["state"] == "queued" and data["total"] == 1 and data["done"] == 0
    assert client.get("/api/jobs/99999").json()["error"]["code"] == "not_found"
    client.force_login(account("admin"))
    assert client.get(url).status_code == 200


def test_the_import_page_queues_the_files_and_the_job_page_shows_what_came_of_them(client):
    client.force_login(account("editor"))
    doc = generate_document(11)
    files = [SimpleUploadedFile("a.txt", doc.wrapped.encode("gb18030"))]
    response = client.post(reverse("library:import"), {"files": files})
    job = Job.objects.get()
    assert response["Location"] == reverse("ops:job", args=[job.pk])
    jobs_run_pending()
    page = client.get(response["Location"]).content.decode()
    assert 'data-state="done"' in page and "data-poll" not in page
    assert doc.outline["title"] in page
    assert doc.wrapper_lines[0].strip() in page


def test_the_files_of_an_upload_are_one_batch(client):
    """A column line every document of the upload holds, which no rule knows: each of
    them loses it, the first too (gaoku.core.cleaning.batch)."""
    client.force_login(account("editor"))
    files = []
    for seed in (371, 372, 373):
        lines = generate_document(seed).text.split("\n")
        middle = len(lines) // 2
        text = "\n".join([*lines[:middle], "乡村振兴专栏", *lines[middle:]])
        files.append(SimpleUploadedFile(f"{seed}.txt", text.encode()))
    response = client.post(reverse("library:import"), {"files": files})
    page = client.get(response["Location"]).content.decode()
    assert "已读取 0 / 3 个文件" in page
    jobs_run_pending()
    job = Job.objects.get()
    assert [item["removed_lines"] for item in job.items] == [["乡村振兴专栏"]] * 3
    assert job.result == {"read": 3}


def test_a_zip_pack_is_unpacked_in_the_background_and_its_files_imported(client):
    import zipfile

    client.force_login(account("editor"))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as pack:
        for seed in (391, 392):
            pack.writestr(f"材料/{seed}.txt", generate_document(seed).text)
        pack.writestr("材料/空.txt", b"")
    upload = SimpleUploadedFile("包.zip", buffer.getvalue())
    other = SimpleUploadedFile("393.txt", generate_document(393).text.encode())
    client.post(reverse("library:import"), {"files": [upload, other]})
    jobs_run_pending()
    job = Job.objects.get()
    assert job.state == "done" and job.total == 4
    assert [(item["name"], "error" in item) for item in job.items] == [
        ("包.zip/材料/391.txt", False),
        ("包.zip/材料/392.txt", False),
        ("包.zip/材料/空.txt", True),
        ("393.txt", False),
    ]
    assert Material.objects.count() == 3


def test_a_folder_chosen_on_the_page_is_imported_without_its_system_files(client):
    client.force_login(account("editor"))
    folder = [
        SimpleUploadedFile("394.txt", generate_document(394).text.encode()),
        SimpleUploadedFile(".DS_Store", b"\x00\x00\x00\x01Bud1"),
        SimpleUploadedFile("395.txt", generate_document(395).text.encode()),
    ]
    client.post(reverse("library:import"), {"folder": folder})
    job = Job.objects.get()
    assert job.params["files"] == ["394.txt", "395.txt"]
    # Nothing chosen: said on the page, nothing queued.
    page = client.post(reverse("library:import"), {"topics": ""}).content.decode()
    assert "请选择要导入的文件" in page and Job.objects.count() == 1


def test_a_scanned_draft_is_read_in_the_background_checked_on_opening_and_then_forgotten(
    client, django_capture_on_commit_callbacks
):
    from gaoku.library.services import material_import
    from gaoku.ops.jobs import jobs_expire
    from tests.core.readers.reader_files import typeset_pdf

    text = generate_document(12).text
    with django_capture_on_commit_callbacks(execute=True):
        material_import(data=text.encode(), name="12.txt")
    client.force_login(account("member"))
    draft = typeset_pdf("", text.split("\n")[1:4])
    response = client.post(reverse("search:check"), {"file": SimpleUploadedFile("d.pdf", draft)})
    job = Job.objects.get(kind="check")
    assert response["Location"] == reverse("ops:job", args=[job.pk])
    jobs_run_pending()
    done = client.get(response["Location"])
    assert done["Location"] == f"{reverse('search:check')}?job={job.pk}"
    page = client.get(done["Location"]).content.decode()
    assert "<mark" in page  # its sentences were found in the library
    # An hour after, what was read from the draft is gone.
    Job.objects.filter(pk=job.pk).update(finished_at=timezone.now() - timedelta(hours=2))
    assert jobs_expire() == 1
    assert "已删除" in client.get(done["Location"]).content.decode()
    # Another member cannot open it.
    client.force_login(account("member", "other"))
    assert "<mark" not in client.get(done["Location"]).content.decode()
