"""No full text reaches a visitor, or a member outside their window, by any URL or id.

Walks every URL the site routes (pages and JSON API alike), fills each id with the
material's, its version's, and a few forged values, and checks that the part of the text
beyond the preview never appears in any answer. A new page or endpoint is covered the
day it is added.
"""

from datetime import date

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from gaoku.core.generator import generate_document
from gaoku.core.text import MARK_ALPHABET
from gaoku.library.services import ImportMetadata, material_import
from gaoku.members.selectors import preview_of
from gaoku.members.services import member_suspend
from tests.conftest import account, reading_copy_shown

pytestmark = pytest.mark.django_db

# Not pages that return library text: the admin (staff only, checked elsewhere), static
# files, the language switch, the API's browsable docs shell, and the event stream (it
# never ends; its events' keys are fixed and hold no text: tests/live).
SKIP = ("admin/", "static/", "i18n/", "api/docs", "api/events")
FORGED = ("0", "-1", "999999", "1 OR 1=1", "..%2F1")


def _routes(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        pattern = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _routes(entry, pattern)
        elif isinstance(entry, URLPattern):
            yield pattern


def _fill(pattern: str, value: str) -> str:
    import re

    path = re.sub(r"<(?:\w+:)?\w+>", value, pattern).lstrip("^").rstrip("$")
    return "/" + path.replace("\\", "")


def urls(ids: list[str]) -> list[str]:
    found = set()
    for pattern in _routes(get_resolver()):
        if pattern.startswith(SKIP):
            continue
        for value in ids if "<" in pattern else [""]:
            found.add(_fill(pattern, value))
    return sorted(found)


@pytest.fixture
def old_material():
    doc = generate_document(11)
    outcome = material_import(
        data=doc.text.encode(), name="old.txt", metadata=ImportMetadata(published=date(2014, 3, 1))
    )
    return outcome.version.material


def hidden_part(material) -> list[str]:
    """Body paragraphs past the preview: any of them whole in an answer is a leak. (The
    outline, which everyone sees, holds headings and the leads of points, never a whole
    body paragraph.)"""
    text = material.current.text
    after_preview = text[len(preview_of(text)) :]
    return [p.rstrip("。；！？：，") for p in after_preview.split("\n") if len(p) > 40]


def sweep(client, material) -> None:
    ids = [str(material.pk), str(material.current.pk), *FORGED]
    secrets = hidden_part(material)
    assert secrets
    checked = 0
    for url in urls(ids):
        for query in ("", "?v=1", "?version=1", "?v=1&full=1"):
            response = client.get(url + query)
            body = response.content.decode("utf-8", errors="replace")
            if response.get("Content-Type", "").startswith("application/json"):
                body = body.encode().decode("unicode_escape", errors="replace") + body
            # Full text is only ever shown fingerprinted: marks in an answer are a leak.
            assert not any(c in body for c in MARK_ALPHABET), f"{url}{query} shows marked text"
            leaked = [s for s in secrets if s in body]
            assert not leaked, f"{url}{query} leaks {leaked[0][:30]}…"
            assert response.status_code < 500, url
            checked += 1
    assert checked > 20


def test_visitor_gets_no_full_text_anywhere(client, old_material):
    sweep(client, old_material)
    client.force_login(account("visitor"))
    sweep(client, old_material)


def test_member_outside_the_window_gets_no_full_text_anywhere(client, old_material):
    client.force_login(account("member"))
    sweep(client, old_material)


# Sub-headings written as whole sentences ending in ； (no full stop): the outline must
# not hand them to the free tier whole.
SEMICOLON_HEADINGS = "\n".join(
    [
        "关于加强基层党建工作的讲话",
        "同志们：",
        "今天召开这次会议，主要是总结前一阶段工作，分析当前面临的形势，部署下一阶段任务。" * 4,
        "过去一年，全县各级党组织认真落实党建工作责任制，基层组织建设取得了新的进展。" * 4,
        "一、提高政治站位，切实增强抓好基层党建的责任感",
        "（一）坚持把党的政治建设摆在首位，各级党组织要切实把思想和行动统一到上级决策部署上来，"
        "确保各项任务落地见效；",
        "（二）坚持问题导向，聚焦群众反映强烈的突出问题，逐项制定整改措施，明确责任单位和完成时限，"
        "一抓到底；",
        "二、强化责任落实",
        "各级党组织书记要切实履行第一责任人职责，班子成员要落实一岗双责，形成一级抓一级的格局。",
        "同志们，让我们团结一心，扎实工作，以党建高质量发展引领各项事业发展。",
    ]
)


def test_long_outline_items_are_clipped_for_the_free_tier(client):
    material = material_import(
        data=SEMICOLON_HEADINGS.encode(),
        name="semicolons.txt",
        metadata=ImportMetadata(published=date(2014, 3, 1)),
    ).version.material
    assert any(len(p) > 40 for part in material.current.outline["parts"] for p in part["points"])
    sweep(client, material)
    editor = account("editor")
    client.force_login(editor)
    page = client.get(f"/m/{material.pk}/").content.decode()
    assert reading_copy_shown(page, material, editor)


def test_suspended_member_gets_no_full_text_anywhere(client):
    from django.utils import timezone

    doc = generate_document(12)
    recent = material_import(
        data=doc.text.encode(),
        name="new.txt",
        metadata=ImportMetadata(published=timezone.localdate()),
    ).version.material
    member = account("member")
    client.force_login(member)
    assert reading_copy_shown(client.get(f"/m/{recent.pk}/").content.decode(), recent, member)
    member_suspend(user=member)
    sweep(client, recent)
