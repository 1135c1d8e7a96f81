import pytest
from django.urls import reverse

from gaoku.copies.models import Copy, Reading
from gaoku.core.fingerprint import strip_marks
from gaoku.core.generator import generate_document
from gaoku.core.text import MARK_ALPHABET
from gaoku.library.models import ImportDraft, Material
from gaoku.library.services import ImportMetadata, material_import
from gaoku.ops.worker import jobs_run_pending
from tests.conftest import account, docx_bytes, reading_copy_shown

pytestmark = pytest.mark.django_db


@pytest.fixture
def material(speech):
    return material_import(data=speech.wrapped.encode(), name="speech.txt").version.material


def imported(client, form: dict) -> str:
    """Post the import form, run the background job it queued, and read the job's page."""
    response = client.post(reverse("library:import"), form)
    assert response.status_code == 302 and "/jobs/" in response.url
    assert 'data-state="queued"' in client.get(response.url).content.decode()
    jobs_run_pending()
    return client.get(response.url).content.decode()


def _login(client, role):
    user = account(role)
    client.force_login(user)
    return user


def test_catalogue_lists_materials_in_chinese(client, material):
    response = client.get(reverse("library:catalogue"))
    assert response.status_code == 200
    page = response.content.decode()
    assert material.title in page
    assert "资料库" in page


def test_catalogue_filters_by_type_and_topic(client):
    for seed, doc_type in [(1, "讲话稿"), (2, "方案")]:
        doc = generate_document(seed, doc_type=doc_type)
        material_import(data=doc.text.encode(), name=f"{seed}.txt")
    page = client.get(reverse("library:catalogue"), {"type": "方案"}).content.decode()
    assert Material.objects.get(doc_type="方案").title in page
    assert Material.objects.get(doc_type="讲话稿").title not in page


def test_visitor_sees_outline_and_preview_only(client, material, speech):
    page = client.get(reverse("library:reader", args=[material.pk])).content.decode()
    for part in speech.outline["parts"]:
        assert part["heading"] in page
    last_paragraph = speech.text.split("\n")[-1]
    assert last_paragraph not in page
    assert "预览" in page
    # A part the preview does not show links to the paywall, not to nothing.
    assert 'href="#paywall" class="locked"' in page and 'id="paywall"' in page
    assert 'id="part-2"' not in page and 'href="#part-2"' not in page


def test_member_reads_the_whole_text_as_their_own_reading_copy(client, material, speech):
    member = _login(client, "member")
    page = client.get(reverse("library:reader", args=[material.pk])).content.decode()
    assert reading_copy_shown(page, material, member)
    assert 'id="part-1"' in page
    again = client.get(reverse("library:reader", args=[material.pk])).content.decode()
    assert reading_copy_shown(again, material, member)
    assert Copy.objects.filter(member=member, channel="view").count() == 1


def test_missing_material_and_version_are_404(client, material):
    assert client.get(reverse("library:reader", args=[99999])).status_code == 404
    assert client.get(reverse("library:reader", args=[material.pk]), {"v": 7}).status_code == 404


def test_import_page_is_for_editors_only(client):
    assert client.get(reverse("library:import")).status_code == 302
    _login(client, "member")
    assert client.get(reverse("library:import")).status_code == 302
    _login(client, "editor")
    assert client.get(reverse("library:import")).status_code == 200


def test_editor_imports_a_docx_and_a_bad_file(client, speech):
    _login(client, "editor")
    from django.core.files.uploadedfile import SimpleUploadedFile

    files = [
        SimpleUploadedFile("讲话.docx", docx_bytes(speech.wrapped)),
        SimpleUploadedFile("坏文件.pdf", b"%PDF-1.4 broken"),
    ]
    page = imported(client, {"files": files, "topics": "机关党建，作风建设"})
    assert speech.outline["parts"][0]["heading"] in page
    assert "坏文件.pdf" in page
    material = Material.objects.get()
    assert sorted(t.name for t in material.topics.all()) == ["作风建设", "机关党建"]
    assert material.current.removed_lines == list(speech.wrapper_lines)
    # Each removed line is shown with why it was removed.
    assert any(why in page for why in ("标题之前", "正文之后", "清理规则", "推广或声明"))


def test_an_editor_puts_a_removed_line_back_from_the_import_results(client, speech):
    from django.core.files.uploadedfile import SimpleUploadedFile

    _login(client, "editor")
    response = client.post(
        reverse("library:import"),
        {"files": [SimpleUploadedFile("讲话.txt", speech.wrapped.encode())]},
    )
    jobs_run_pending()
    page = client.get(response.url).content.decode()
    material = Material.objects.get()
    action = reverse("library:line_put_back", args=[material.pk, 1])
    assert page.count(f'action="{action}"') == len(speech.wrapper_lines)
    line = material.current.removed_lines[-1]
    post = {"index": len(speech.wrapper_lines) - 1, "line": line, "next": response.url}
    back = client.post(action, post, follow=True)
    assert back.redirect_chain[-1][0] == response.url
    assert "这一行已放回正文" in back.content.decode()
    material.refresh_from_db()
    assert material.current.number == 2 and line in material.current.text


def test_an_empty_file_in_a_batch_is_named_and_the_others_import(client, speech):
    _login(client, "editor")
    from django.core.files.uploadedfile import SimpleUploadedFile

    files = [
        SimpleUploadedFile("空白.txt", b""),
        SimpleUploadedFile("讲话.txt", speech.text.encode()),
    ]
    page = imported(client, {"files": files})
    assert "空白.txt" in page and "文件为空" in page
    assert Material.objects.get().title == speech.outline["title"]


def test_similar_upload_is_offered_as_next_version(client, material, speech):
    _login(client, "editor")
    from django.core.files.uploadedfile import SimpleUploadedFile

    revised = speech.text.replace("要", "必须", 3)
    page = imported(client, {"files": [SimpleUploadedFile("r.txt", revised.encode())]})
    draft = ImportDraft.objects.get()
    assert reverse("library:draft_resolve", args=[draft.pk]) in page
    response = client.post(reverse("library:draft_resolve", args=[draft.pk]), {"choice": "version"})
    assert response.status_code == 302
    assert material.versions.count() == 2
    # A second click finds the draft gone and says so instead of failing.
    again = client.post(
        reverse("library:draft_resolve", args=[draft.pk]), {"choice": "version"}, follow=True
    )
    assert "已经处理过" in again.content.decode()


def test_forged_posts_are_refused(client, material, speech):
    _login(client, "member")
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        reverse("library:import"), {"files": [SimpleUploadedFile("x.txt", speech.text.encode())]}
    )
    assert response.status_code == 302
    _login(client, "editor")
    response = client.post(reverse("library:draft_resolve", args=[1]), {"choice": "delete-all"})
    assert response.status_code == 302
    assert Material.objects.count() == 1


def test_csrf_is_enforced(material, speech):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    _login(client, "editor")
    response = client.post(reverse("library:import"), {})
    assert response.status_code == 403


def test_admin_lists_materials(client, material):
    _login(client, "admin")
    assert client.get(reverse("admin:library_material_changelist")).status_code == 200
    assert (
        client.get(
            reverse("admin:library_materialversion_change", args=[material.current.pk])
        ).status_code
        == 200
    )
    assert client.get(reverse("admin:library_cleaningpattern_changelist")).status_code == 200


def test_a_line_contains_rule_is_previewed_across_the_library_then_applies(
    client, speech, judge_neutral
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gaoku.library.models import CleaningPattern

    _login(client, "admin")
    line = "笃行致远工作室出品"  # reads as a unit's name: no rule names it
    text = speech.text.replace("\n", f"\n{line}\n", 1)
    imported(client, {"files": [SimpleUploadedFile("a.txt", text.encode())]})
    preview = reverse("admin:library_cleaningpattern_preview")
    page = client.get(preview, {"pattern": "笃行致远", "kind": "contains"}).content.decode()
    assert line in page and 'data-testid="rule-hits"' in page
    assert "errornote" in client.get(preview, {"pattern": "([", "kind": "regex"}).content.decode()
    # As a plain text, "([" is a rule like any other, not a broken expression.
    assert (
        "errornote"
        not in client.get(preview, {"pattern": "([", "kind": "contains"}).content.decode()
    )
    add = reverse("admin:library_cleaningpattern_add")
    assert 'data-testid="rule-preview"' in client.get(add).content.decode()
    client.post(add, {"kind": "contains", "pattern": "笃行致远", "note": "", "enabled": "on"})
    assert CleaningPattern.objects.get(pattern="笃行致远").kind == "contains"
    from gaoku.core.generator import generate_document
    from gaoku.library.models import MaterialVersion

    other = generate_document(77).text.replace("\n", "\n笃行致远工作室（第二版）\n", 1)
    imported(client, {"files": [SimpleUploadedFile("b.txt", other.encode())]})
    latest = MaterialVersion.objects.order_by("-pk").first()
    assert "笃行致远工作室（第二版）" in latest.removed_lines


def test_an_editor_keeps_a_learned_line_and_later_imports_keep_it(client, judge_neutral):
    from gaoku.core.cleaning import RECURRING
    from gaoku.library.models import KeptLine
    from gaoku.ops.models import AuditEntry

    def wrapped(seed: int, count: int) -> bytes:
        lines = generate_document(seed).text.split("\n")
        return "\n".join([lines[0], f"笃行致远 已收录 {count} 篇", *lines[1:]]).encode()

    outcomes = [material_import(data=wrapped(seed, seed), name=f"{seed}.txt") for seed in (41, 42)]
    _login(client, "editor")
    learned = reverse("admin:library_cleaningpattern_learned")
    changelist = client.get(reverse("admin:library_cleaningpattern_changelist")).content.decode()
    assert learned in changelist
    page = client.get(learned).content.decode()
    assert "笃行致远 已收录 # 篇" in page and 'data-testid="learned"' in page
    third = material_import(data=wrapped(43, 43), name="43.txt")
    assert ("笃行致远 已收录 43 篇", RECURRING) in third.prepared.removals
    # The editor says it is the documents' own: kept from now on.
    response = client.post(learned, {"shape": "笃行致远 已收录 # 篇", "action": "keep"})
    assert response.status_code == 302
    assert KeptLine.objects.filter(shape="笃行致远 已收录 # 篇").exists()
    assert AuditEntry.objects.filter(action="cleaning.keep_line").count() == 1
    fourth = material_import(data=wrapped(44, 44), name="44.txt")
    assert "笃行致远 已收录 44 篇" in fourth.version.text.split("\n")
    page = client.get(learned).content.decode()
    assert 'data-testid="kept"' in page and "笃行致远 已收录 # 篇" in page
    client.post(learned, {"shape": "笃行致远 已收录 # 篇", "action": "release"})
    fifth = material_import(data=wrapped(45, 45), name="45.txt")
    assert ("笃行致远 已收录 45 篇", RECURRING) in fifth.prepared.removals
    assert AuditEntry.objects.filter(action="cleaning.release_line").count() == 1
    assert all(o.status == "created" for o in outcomes)


def test_members_cannot_see_or_change_learned_lines(client):
    from gaoku.library.models import KeptLine

    _login(client, "member")
    learned = reverse("admin:library_cleaningpattern_learned")
    assert client.get(learned).status_code == 302
    assert client.post(learned, {"shape": "x", "action": "keep"}).status_code == 302
    assert not KeptLine.objects.exists()


def test_members_cannot_preview_cleaning_rules(client):
    _login(client, "member")
    response = client.get(reverse("admin:library_cleaningpattern_preview"), {"pattern": "x"})
    assert response.status_code == 302


def test_the_stylesheet_is_served(client):
    # Pages link it; a missing finder path once left every page unstyled.
    response = client.get("/static/gaoku/gaoku.css", HTTP_HOST="127.0.0.1")
    assert response.status_code == 200
    assert b".reader" in b"".join(response.streaming_content)


def test_whoever_reads_the_full_text_sees_what_is_out_of_date(client):
    from tests.core.test_staleness import TEMPLATE_2020

    text = "关于做好2020年重点工作的讲话\n同志们：\n" + TEMPLATE_2020
    material = material_import(data=text.encode(), name="2020.txt").version.material
    url = reverse("library:reader", args=[material.pk])
    assert 'data-testid="stale"' not in client.get(url).content.decode()  # a visitor
    _login(client, "member")
    page = client.get(url).content.decode()
    panel = page.split('data-testid="stale"')[1].split("</ul>")[0]
    assert "十九大" in panel and "二十大" in panel and "十五五" in panel


def test_an_editor_refreshes_a_stale_material_from_the_dashboard(client):
    from tests.core.test_staleness import TEMPLATE_2020

    text = "关于做好2020年重点工作的讲话\n同志们：\n" + TEMPLATE_2020
    material = material_import(data=text.encode(), name="2020.txt").version.material
    _login(client, "member")
    assert client.get(reverse("library:stale")).status_code == 302  # editors only
    _login(client, "editor")
    page = client.get(reverse("library:stale")).content.decode()
    assert material.title in page and 'data-testid="refresh"' in page
    response = client.post(reverse("library:stale_refresh", args=[material.pk]))
    assert response.status_code == 302 and response["Location"].endswith("?v=2")
    new = material.versions.get(number=2).text
    assert "党的二十大" in new and "十九大" not in new and "“十五五”" in new
    assert "今年是脱贫攻坚决胜之年" in new  # left for the editor to rewrite
    note = material.versions.get(number=2).note
    assert note.startswith("更新过时提法：") and "十九大→二十大" in note
    assert material.versions.get(number=1).text == material.versions.get(number=1).text
    from django.utils import timezone

    from gaoku.core.staleness import stale_references

    left = stale_references(new, timezone.localdate())
    assert [r.suggestion for r in left if r.suggestion] == []


def test_a_member_keeps_favourites_and_is_told_of_a_newer_version(client, material, speech):
    from gaoku.copies.services import copy_issue

    member = _login(client, "member")
    url = reverse("library:reader", args=[material.pk])
    client.post(reverse("members:favourite", args=[material.pk]))
    assert (
        material.title
        in client.get(reverse("members:account"))
        .content.decode()
        .split('data-testid="favourites"')[1]
        .split("</section>")[0]
    )
    assert "★" in client.get(url).content.decode()
    copy_issue(user=member, material=material, fmt="txt", address=None)
    assert 'data-testid="newer"' not in client.get(url).content.decode()
    revised = speech.text.replace("要", "必须", 3)
    material_import(data=revised.encode(), name="v2.txt")
    assert 'data-testid="newer"' in client.get(url).content.decode()
    client.post(reverse("members:favourite", args=[material.pk]))  # dropped again
    assert "☆" in client.get(url).content.decode()
    assert client.post(reverse("members:favourite", args=[999999])).status_code == 404


def test_a_member_compares_two_versions_in_their_own_copy(client):
    doc = generate_document(61, doc_type="讲话稿")
    paragraphs = doc.text.split("\n")
    material = material_import(data=doc.text.encode(), name="v1.txt").version.material
    edited = list(paragraphs)
    edited[3] = edited[3][:-1] + "，并在年底前完成复核。"
    edited.insert(5, "新增一段：各单位要在本月底前报送落实情况。")
    outcome = material_import(
        data="\n".join(edited).encode(),
        name="v2.txt",
        metadata=ImportMetadata(note="补充复核和报送要求"),
    )
    assert outcome.version.number == 2 and outcome.version.material == material
    url = reverse("library:changes", args=[material.pk])

    _login(client, "visitor")
    page = client.get(url).content.decode()
    assert 'data-testid="paywall"' in page and "<ins>" not in page
    assert "年底前完成复核" not in page

    member = _login(client, "member")
    page = client.get(url).content.decode()
    assert "1 段修改，1 段新增，0 段删除" in page
    assert "<ins>，并在年底前完成复核</ins>" in strip_marks(page)  # its 。 was there
    assert "新增一段：各单位要在本月底前报送落实情况。" in strip_marks(page)
    assert "补充复核和报送要求" in page
    assert any(c in page for c in MARK_ALPHABET)  # the member's copies, marks and all
    assert Reading.objects.filter(member=member).count() == 2
    reader = client.get(reverse("library:reader", args=[material.pk])).content.decode()
    assert "补充复核和报送要求" in reader and f"{url}?from=1&amp;to=2" in reader
    assert client.get(url + "?from=1&to=9").status_code == 404
    same = client.get(url + "?from=2&to=2").content.decode()
    assert 'data-testid="same-version"' in same
