"""An editor puts back a line the import removed (services.removed_line_restore)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from gaoku.core.text import normalize
from gaoku.errors import InvalidInput
from gaoku.library.models import MaterialVersion
from gaoku.library.services import material_import, removed_line_restore
from gaoku.ops.models import AuditEntry
from tests.conftest import account

pytestmark = pytest.mark.django_db


def _imported(speech) -> MaterialVersion:
    version = material_import(data=speech.wrapped.encode(), name="speech.txt").version
    assert len(version.removed_lines) >= 2
    return version


def _put_back(first: MaterialVersion, index: int, line: str) -> MaterialVersion:
    """Put back removed line ``index`` of version 1 (``first``), as an editor."""
    return removed_line_restore(
        material_id=first.material_id, number=1, index=index, line=line, user=account("editor")
    )


def _file_lines(speech) -> list[str]:
    return [line for line in normalize(speech.wrapped).split("\n") if line]


def test_a_removed_line_comes_back_where_it_stood_as_the_next_version(speech):
    first = _imported(speech)
    line = first.removed_lines[1]
    second = _put_back(first, 1, line)
    assert second.number == 2 and second.material.current == second
    # The text is the file's lines in their order, the put-back line among them.
    file_lines = iter(_file_lines(speech))
    assert all(kept in file_lines for kept in second.text.split("\n"))
    assert line in second.text.split("\n")
    assert second.removed_lines == [r for r in first.removed_lines if r != line]
    assert line in second.note and second.created_by == account("editor")
    assert AuditEntry.objects.filter(action="version.restore_line").exists()
    # The editor's list still names the lines of version 1: the next one goes on version 2.
    other = first.removed_lines[0]
    third = _put_back(first, 0, other)
    assert third.number == 3 and other in third.text and line in third.text


def test_a_line_is_put_back_only_as_the_editor_saw_it(speech):
    first = _imported(speech)
    for index, line in ((0, "另一行"), (99, first.removed_lines[0]), (-1, first.removed_lines[0])):
        with pytest.raises(InvalidInput, match="没有删去这一行"):
            _put_back(first, index, line)
    MaterialVersion.objects.filter(pk=first.pk).update(removed_positions=[])
    with pytest.raises(InvalidInput, match="没有记下"):
        _put_back(first, 0, first.removed_lines[0])
    assert first.material.versions.count() == 1


def test_a_newer_version_from_another_file_is_not_patched_with_the_old_ones_line(speech):
    first = _imported(speech)
    revised = speech.wrapped.replace("。", "；", 3)
    second = material_import(data=revised.encode(), name="revised.txt")
    assert second.status == "new_version"
    with pytest.raises(InvalidInput, match="已有更新的第 2 版"):
        _put_back(first, 0, first.removed_lines[0])


def test_the_put_back_page_is_an_editors_and_never_fails_on_a_forged_post(client, speech):
    first = _imported(speech)
    url = reverse("library:line_put_back", args=[first.material_id, 1])
    post = {"index": 0, "line": first.removed_lines[0], "next": "/jobs/1/"}
    client.force_login(account("member"))
    assert client.post(url, post).status_code in (302, 403)
    assert first.material.versions.count() == 1
    client.force_login(account("editor"))
    assert client.get(url).status_code == 405
    response = client.post(url, {"index": "x", "next": "https://evil.example/"})
    assert response.status_code == 302 and response.url == reverse(
        "library:changes", args=[first.material_id]
    )
    response = client.post(url, {**post, "index": 5000}, follow=True)
    assert "没有删去这一行" in response.content.decode()
    response = client.post(url, post)
    assert response.status_code == 302 and response.url == "/jobs/1/"
    assert first.material.versions.count() == 2


def test_a_line_put_back_into_a_text_the_library_holds_already_is_refused(speech):
    from gaoku.library.models import Material

    first = _imported(speech)
    line = first.removed_lines[0]
    _put_back(first, 0, line)
    # Version 1 current again: putting the line back would store version 2's text twice.
    Material.objects.filter(pk=first.material_id).update(current=first)
    with pytest.raises(InvalidInput, match="相同"):
        _put_back(first, 0, line)
    assert first.material.versions.count() == 2


def test_the_changes_page_lists_the_current_versions_removed_lines_for_editors(client, speech):
    first = _imported(speech)
    url = reverse("library:changes", args=[first.material_id])
    action = reverse("library:line_put_back", args=[first.material_id, 1])
    client.force_login(account("member"))
    assert 'data-testid="removed-lines"' not in client.get(url).content.decode()
    client.force_login(account("editor"))
    page = client.get(url).content.decode()
    assert 'data-testid="removed-lines"' in page
    assert page.count(f'action="{action}"') == len(first.removed_lines)
    post = {"index": 0, "line": first.removed_lines[0], "next": url}
    assert client.post(action, post).url == url
    page = client.get(url).content.decode()
    assert reverse("library:line_put_back", args=[first.material_id, 2]) in page
