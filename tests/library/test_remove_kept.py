"""An editor removes what the import kept of a page: one line of one material
(services.kept_line_remove), or every line a cleaning rule matches across the library,
as a background job (jobs.rules_apply_job_run)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from gaoku.core.generator import generate_document
from gaoku.errors import InvalidInput
from gaoku.library.jobs import rules_apply_submit
from gaoku.library.models import CleaningPattern, KeptLine, Material, MaterialVersion
from gaoku.library.services import kept_line_remove, material_import, removed_line_restore
from gaoku.ops.models import AuditEntry, Job
from gaoku.ops.worker import jobs_run_pending
from tests.conftest import account

# The judge has no opinion: what it would make of the notice is not what these test.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("judge_neutral")]

# A screen's notice between two paragraphs, which the import kept.
NOTICE = "请值班人员注意：今日午后有雷阵雨，请做好防雷准备。"


def _imported(seed: int, notice: str = NOTICE) -> MaterialVersion:
    """A generated document in its distributor's wrapper with ``notice`` after its fourth
    line, as the import kept it."""
    doc = generate_document(seed, doc_type="讲话稿")
    lines = doc.wrapped.split("\n")
    after = lines.index(doc.text.split("\n")[3]) + 1
    text = "\n".join([*lines[:after], notice, *lines[after:]])
    version = material_import(data=text.encode(), name=f"{seed}.txt").version
    assert notice in version.text.split("\n")
    return version


def _index(version: MaterialVersion, line: str) -> int:
    return version.text.split("\n").index(line)


def _remove(version: MaterialVersion, line: str, index: int | None = None) -> MaterialVersion:
    return kept_line_remove(
        material_id=version.material_id,
        number=version.number,
        index=_index(version, line) if index is None else index,
        line=line,
        user=account("editor"),
    )


def test_a_kept_line_is_removed_as_the_next_version_and_can_be_put_back():
    first = _imported(3)
    second = _remove(first, NOTICE)
    assert second.number == 2 and second.material.current == second
    assert NOTICE not in second.text and NOTICE in second.removed_lines
    # Why each line went is kept with it: the import's reasons, and the editor's.
    assert len(first.removal_reasons) == len(first.removed_lines) > 0
    assert (NOTICE, "编辑删去") in second.removals
    assert set(first.removals) < set(second.removals)
    assert [line for line in first.text.split("\n") if line != NOTICE] == second.text.split("\n")
    assert NOTICE in second.note and second.created_by == account("editor")
    assert AuditEntry.objects.filter(action="version.remove_line").exists()
    # Its place is kept: putting it back gives version 1's text again, as version 3...
    index = second.removed_lines.index(NOTICE)
    with pytest.raises(InvalidInput, match="相同"):  # ...which the library holds already
        removed_line_restore(
            material_id=first.material_id,
            number=2,
            index=index,
            line=NOTICE,
            user=account("editor"),
        )
    MaterialVersion.objects.filter(pk=first.pk).delete()
    third = removed_line_restore(
        material_id=first.material_id, number=2, index=index, line=NOTICE, user=account("editor")
    )
    assert third.text == first.text and third.removals == first.removals


def test_only_a_line_of_the_current_text_as_the_editor_saw_it_is_removed():
    first = _imported(4)
    title = first.outline["title"]
    with pytest.raises(InvalidInput, match="标题"):
        _remove(first, title)
    for index, line in ((0, NOTICE), (9999, NOTICE), (-1, NOTICE), (None, "另一行")):
        with pytest.raises(InvalidInput, match="没有这一行"):
            _remove(first, line, index if index is not None else 0)
    _remove(first, NOTICE)
    with pytest.raises(InvalidInput, match="已有更新的第 2 版"):
        _remove(first, first.text.split("\n")[-1])
    assert first.material.versions.count() == 2


def test_removing_a_line_the_editor_had_kept_lets_the_library_learn_it_again():
    first = _imported(5, notice="河湾调度台值班提醒")
    KeptLine.objects.create(shape="河湾调度台值班提醒", kept_by=account("editor"))
    _remove(first, "河湾调度台值班提醒")
    assert not KeptLine.objects.exists()


def _job(*rules: tuple[str, str]) -> Job:
    job = rules_apply_submit(rules=rules, user=account("editor"))
    jobs_run_pending()
    job.refresh_from_db()
    return job


def test_a_rule_applied_to_the_library_removes_its_lines_from_every_material_holding_them():
    held = [_imported(6), _imported(7)]
    other = material_import(data=generate_document(8).text.encode(), name="8.txt").version
    job = _job(("雷阵雨，请做好防雷", "contains"))
    assert job.state == "done" and job.total == 2
    assert [item["material"] for item in job.items] == [v.material_id for v in held]
    for version in held:
        material = Material.objects.get(pk=version.material_id)
        assert material.current.number == 2 and NOTICE not in material.current.text
        assert NOTICE in material.current.removed_lines and "清理规则" in material.current.note
        assert (NOTICE, "清理规则") in material.current.removals
    assert Material.objects.get(pk=other.material_id).current.number == 1
    assert AuditEntry.objects.filter(action="version.remove_lines").count() == 2
    # Run again: nothing is left to remove, no version is made twice.
    again = _job(("雷阵雨，请做好防雷", "contains"))
    assert again.state == "done" and again.items == [] and MaterialVersion.objects.count() == 5


def test_a_rule_never_takes_a_title_and_a_job_run_again_goes_on_where_it_stopped():
    held = [_imported(9), _imported(10), _imported(11)]
    title = held[0].outline["title"]
    job = rules_apply_submit(rules=[(NOTICE, "contains"), (title, "contains")], user=None)
    # A first run that found the materials and did the first before its worker died.
    job.result = {"materials": [v.material_id for v in held]}
    job.total = 3
    job.items = [{"material": held[0].material_id, "lines": [], "title": "done before"}]
    job.save()
    jobs_run_pending()
    job.refresh_from_db()
    assert job.state == "done" and len(job.items) == 3
    assert Material.objects.get(pk=held[0].material_id).current.number == 1
    for version in held[1:]:
        current = Material.objects.get(pk=version.material_id).current
        assert current.number == 2 and current.removed_lines.count(NOTICE) == 1


def test_a_material_the_rule_would_empty_or_store_twice_is_named_and_the_rest_go_on():
    first, second = _imported(12), _imported(13)
    _remove(first, NOTICE)
    # Version 1 current again: removing the notice would store version 2's text twice.
    Material.objects.filter(pk=first.material_id).update(current=first)
    job = _job((NOTICE, "contains"))
    assert job.state == "done"
    errors = {item["material"]: item.get("error", "") for item in job.items}
    assert "相同" in errors[first.material_id] and not errors[second.material_id]
    assert Material.objects.get(pk=second.material_id).current.number == 2


def test_the_admin_applies_a_saved_rule_and_selected_rules_and_only_for_editors(client):
    version = _imported(14)
    client.force_login(account("admin"))
    add = reverse("admin:library_cleaningpattern_add")
    form = client.get(f"{add}?kind=contains&pattern={NOTICE}").content.decode()
    assert 'data-testid="rule-apply"' in form and NOTICE in form
    post = {"kind": "contains", "pattern": NOTICE, "note": "", "enabled": "on", "_apply": "1"}
    response = client.post(add, post)
    job = Job.objects.get(kind=Job.Kind.CLEAN)
    assert response.status_code == 302 and response.url == reverse("ops:job", args=[job.pk])
    assert CleaningPattern.objects.filter(pattern=NOTICE).exists()
    jobs_run_pending()
    page = client.get(response.url).content.decode()
    assert 'data-testid="clean-results"' in page and f"#{version.material_id}" in page
    assert Material.objects.get(pk=version.material_id).current.number == 2
    # The change list's action: disabled rules are not applied.
    rule = CleaningPattern.objects.get(pattern=NOTICE)
    changelist = reverse("admin:library_cleaningpattern_changelist")
    CleaningPattern.objects.filter(pk=rule.pk).update(enabled=False)
    action = {"action": "apply_to_library", "_selected_action": [rule.pk]}
    client.post(changelist, action)
    assert Job.objects.filter(kind=Job.Kind.CLEAN).count() == 1
    CleaningPattern.objects.filter(pk=rule.pk).update(enabled=True)
    assert client.post(changelist, action).status_code == 302
    assert Job.objects.filter(kind=Job.Kind.CLEAN).count() == 2
    # A member reaches neither.
    client.force_login(account("member"))
    assert client.post(add, post).status_code in (302, 403)
    assert client.post(changelist, action).status_code in (302, 403)
    assert Job.objects.filter(kind=Job.Kind.CLEAN).count() == 2


def test_the_changes_page_offers_editors_the_current_texts_lines_to_remove(client):
    first = _imported(15)
    url = reverse("library:changes", args=[first.material_id])
    action = reverse("library:line_remove", args=[first.material_id, 1])
    client.force_login(account("member"))
    assert 'data-testid="kept-lines"' not in client.get(url).content.decode()
    post = {"index": _index(first, NOTICE), "line": NOTICE, "next": url}
    assert client.post(action, post).status_code in (302, 403)
    assert first.material.versions.count() == 1
    client.force_login(account("editor"))
    page = client.get(url).content.decode()
    assert 'data-testid="kept-lines"' in page and f'action="{action}"' in page
    assert client.get(action).status_code == 405
    response = client.post(action, {**post, "index": "x", "next": "https://evil.example/"})
    assert response.status_code == 302 and response.url == url
    response = client.post(action, {**post, "index": 0}, follow=True)
    assert "没有这一行" in response.content.decode()
    assert client.post(action, post).url == url
    assert first.material.versions.count() == 2
    page = client.get(url).content.decode()
    assert reverse("library:line_remove", args=[first.material_id, 2]) in page
    assert "编辑删去" in page  # why it went, beside the line, which can be put back
