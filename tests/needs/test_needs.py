"""Requests (需求): members post and vote, editors answer or decline, whoever asked or
voted is told; the list searches and sorts."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gaoku.errors import InvalidInput
from gaoku.live.models import Event
from gaoku.needs.models import Need
from gaoku.needs.selectors import need_list
from gaoku.needs.services import need_answer, need_decline, need_post, need_vote
from gaoku.ops.models import AuditEntry
from gaoku.ops.ratelimit import RateLimited
from tests.conftest import account, material_published

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def _need(author, title="县委书记在安全生产会议上的讲话", **fields) -> Need:
    return need_post(author=author, title=title, **fields)


def test_votes_sort_the_list_and_a_search_finds_words_anywhere():
    asker, a, b = account("member", "asker"), account("member", "a"), account("member", "b")
    soon = _need(asker, "乡镇防汛工作部署会讲话", deadline=TODAY() + datetime.timedelta(days=2))
    wanted = _need(asker, "年终述职报告", details="科级干部，三千字左右")
    assert need_vote(need=wanted, user=a) and need_vote(need=wanted, user=b)
    assert need_vote(need=soon, user=a)
    assert [n.pk for n in need_list()] == [wanted.pk, soon.pk]
    assert [n.pk for n in need_list(sort="deadline")] == [soon.pk, wanted.pk]
    assert [n.n_votes for n in need_list()] == [2, 1]
    assert [n.pk for n in need_list(q="科级 三千字")] == [wanted.pk]
    assert not need_vote(need=wanted, user=a)  # taken back
    with pytest.raises(InvalidInput):
        need_vote(need=wanted, user=asker)  # not one's own


def test_bad_requests_are_refused_and_posting_is_limited(settings):
    asker = account("member", "asker")
    with pytest.raises(InvalidInput):
        _need(asker, "  ")
    with pytest.raises(InvalidInput):
        _need(asker, deadline=TODAY() - datetime.timedelta(days=1))
    with pytest.raises(InvalidInput):
        _need(asker, doc_type="小说")
    settings.GAOKU_RATE_NEEDS_PER_DAY = 2
    _need(asker), _need(asker)
    with pytest.raises(RateLimited):
        _need(asker)
    assert Need.objects.count() == 2


def test_an_answer_tells_the_requester_and_the_voters_once_and_closes_the_request():
    asker, voter, other = account("member", "asker"), account("member", "v"), account("member")
    editor = account("editor")
    need = _need(asker)
    need_vote(need=need, user=voter)
    material = material_published(TODAY(), seed=41)
    need_answer(need=need, material=material, by=editor, note="第二部分可按本地情况增删")
    need.refresh_from_db()
    assert (need.state, need.answer, need.answer_version) == ("answered", material, 1)
    told = Event.objects.filter(key__startswith=f"need:{need.pk}:")
    assert sorted(e.user.username for e in told) == ["asker", "v"]
    assert all(e.url == reverse("needs:detail", args=[need.pk]) for e in told)
    assert not Event.objects.filter(user=other).exists()
    assert AuditEntry.objects.get(action="need.answer").detail["material"] == material.pk
    with pytest.raises(InvalidInput):
        need_decline(need=need, by=editor, reason="重复")
    with pytest.raises(InvalidInput):
        need_vote(need=need, user=other)


def test_a_decline_needs_a_reason():
    need = _need(account("member", "asker"))
    with pytest.raises(InvalidInput):
        need_decline(need=need, by=account("editor"), reason=" ")
    need_decline(need=need, by=account("editor"), reason="涉及具体人事安排，不宜提供范文")
    assert Need.objects.get().state == "declined"
    assert "不宜提供范文" in Event.objects.get(user__username="asker").title


def test_the_pages_post_vote_and_answer(client):
    material = material_published(TODAY(), seed=42)
    client.force_login(account("member", "asker"))
    posted = client.post(
        reverse("needs:new"),
        {"title": "全县安全生产工作会议讲话", "doc_type": "讲话稿", "level": "县级"},
        follow=True,
    )
    need = Need.objects.get()
    assert posted.redirect_chain[-1][0] == reverse("needs:detail", args=[need.pk])
    page = client.get(reverse("needs:list")).content.decode()
    assert "全县安全生产工作会议讲话" in page and "讲话稿" in page
    voter = Client()
    voter.force_login(account("member", "voter"))
    voter.post(reverse("needs:vote", args=[need.pk]))
    assert "1 人需要" in voter.get(reverse("needs:detail", args=[need.pk])).content.decode()
    # A member cannot answer; an editor answers with the material's address.
    refused = voter.post(reverse("needs:decide", args=[need.pk]), {"material": material.pk})
    assert refused.status_code == 302 and Need.objects.get().state == "open"
    editor = Client()
    editor.force_login(account("editor"))
    editor.post(
        reverse("needs:decide", args=[need.pk]),
        {"material": f"http://127.0.0.1:8000/m/{material.pk}/", "action": "answer"},
    )
    answered = client.get(reverse("needs:detail", args=[need.pk])).content.decode()
    assert 'data-testid="answer"' in answered and material.title in answered
    missing = editor.post(
        reverse("needs:decide", args=[need.pk]), {"material": "999999"}, follow=True
    )
    assert 'class="message error"' in missing.content.decode()
    assert client.get(reverse("needs:detail", args=[999999])).status_code == 404
