"""Events: written with what they announce, filtered by what each user may see and follows,
read in the feed, the notifications and the member's Atom feed."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from gaoku.core.generator import generate_document
from gaoku.library.services import ImportMetadata, material_import
from gaoku.live.models import Event, Inbox
from gaoku.live.selectors import event_payload, events_after, interests_of
from gaoku.live.services import announcements_announce, follow_add, inbox_ensure
from gaoku.members.services import announcement_post, member_suspend
from tests.conftest import account

pytestmark = pytest.mark.django_db


def _import(seed: int, *topics: str, doc_type: str | None = None):
    doc = generate_document(seed, doc_type=doc_type)
    metadata = ImportMetadata(topics=topics, doc_type=doc_type)
    return material_import(data=doc.text.encode(), name=f"{seed}.txt", metadata=metadata)


def _titles(user, after=0) -> list[str]:
    return [e.title for e in events_after(interests_of(user), after=after)[0]]


def test_an_import_writes_its_event_and_a_new_version_another():
    outcome = _import(1, "机关党建")
    event = Event.objects.get()
    assert event_payload(event) == {
        "material": outcome.version.material_id,
        "version": 1,
        "title": outcome.version.material.title,
        "type": outcome.version.material.doc_type,
        "topics": ["机关党建"],
        "url": f"/m/{outcome.version.material_id}/",
    }
    assert event.kind == "material.published"
    text = outcome.version.text + "\n另外，要抓好试点示范区申报工作。"
    again = material_import(data=text.encode(), name="v2.txt")
    assert again.status == "new_version"
    assert Event.objects.order_by("pk").last().kind == "version.published"


def test_a_rolled_back_import_publishes_nothing():
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        _import(2, "机关党建")
        raise RuntimeError
    assert not Event.objects.exists()


def test_users_get_what_they_follow_or_everything_when_they_follow_nothing():
    follower, everyone = account("member", "follower"), account("member", "everyone")
    follow_add(user=follower, kind="topic", value="机关党建")
    follow_add(user=follower, kind="type", value="方案")
    party = _import(3, "机关党建").version.material.title
    rural = _import(4, "乡村振兴", doc_type="讲话稿").version.material.title
    plan = _import(5, "乡村振兴", doc_type="方案").version.material.title
    assert _titles(follower) == [party, plan]
    assert _titles(everyone) == [party, rural, plan]
    assert _titles(account("visitor")) == [party, rural, plan]


def test_announcements_reach_only_the_tiers_that_may_read_them_and_later_ones_wait():
    member, visitor = account("member"), account("visitor")
    announcement_post(tier="members", title="会员群：本周更新", body="…")
    announcement_post(tier="free", title="免费群：欢迎", body="…")
    later = timezone.now() + datetime.timedelta(hours=1)
    announcement_post(tier="free", title="明天的通知", body="…", published_at=later)
    assert _titles(member) == ["会员群：本周更新", "免费群：欢迎"]
    assert _titles(visitor) == ["免费群：欢迎"]
    assert announcements_announce() == 0  # not yet
    from gaoku.members.models import Announcement

    Announcement.objects.filter(title="明天的通知").update(published_at=timezone.now())
    assert announcements_announce() == 1
    assert _titles(visitor)[-1] == "明天的通知"


def test_the_bell_counts_what_came_since_the_last_visit(client):
    member = account("member")
    _import(6, "机关党建")
    inbox_ensure(member)  # a new account starts with everything so far read
    client.force_login(member)
    assert 'data-testid="unread"' not in client.get("/").content.decode()
    _import(7, "机关党建")
    _import(8, "作风建设")
    assert 'data-testid="unread">2</span>' in client.get("/").content.decode()
    page = client.get(reverse("live:notifications")).content.decode()
    assert page.count('class="event unread"') == 2
    assert 'data-testid="unread"' not in client.get("/").content.decode()


def test_following_from_the_material_page_and_the_account_page(client):
    member = account("member")
    material = _import(9, "机关党建").version.material
    client.force_login(member)
    page = client.get(reverse("library:reader", args=[material.pk])).content.decode()
    assert 'data-testid="follow"' in page
    client.post(reverse("live:follow"), {"kind": "topic", "value": "机关党建", "next": "/"})
    account_page = client.get(reverse("members:account")).content.decode()
    assert "机关党建" in account_page.split('id="follows"')[1]
    # Forged posts: an unknown type, and a redirect out of the site.
    response = client.post(
        reverse("live:follow"),
        {"kind": "type", "value": "炸弹", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/feed/"
    assert interests_of(member).types == frozenset()
    client.post(
        reverse("live:follow"), {"kind": "topic", "value": "机关党建", "action": "unfollow"}
    )
    assert interests_of(member).everything


def test_the_atom_feed_is_private_resettable_and_stops_with_the_membership(client):
    member = account("member")
    material = _import(10, "机关党建").version.material
    token = inbox_ensure(member).feed_token
    url = reverse("live:atom", args=[token])
    feed = client.get(url)
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert material.title in body and f"/m/{material.pk}/" in body
    last_paragraph = material.current.text.split("\n")[-1]
    assert last_paragraph not in body  # never full text
    client.force_login(member)
    client.post(reverse("live:feed_token_new"))
    assert client.get(url).status_code == 404
    fresh = reverse("live:atom", args=[Inbox.objects.get(user=member).feed_token])
    assert client.get(fresh).status_code == 200
    member_suspend(user=member, reason="倒卖")
    assert client.get(fresh).status_code == 404
    assert client.get(reverse("live:atom", args=["not-a-token"])).status_code == 404


def test_the_feed_page_lists_recent_events_for_visitors_too(client):
    material = _import(11, "机关党建").version.material
    page = client.get(reverse("live:feed")).content.decode()
    assert material.title in page and 'data-stream="/api/events"' in page


def test_under_wsgi_the_stream_answers_what_waits_and_asks_the_client_back(client):
    """Django's test client, like runserver and any WSGI server, sends a response only once
    it ends: the stream must end, or it would hold a server thread for good."""
    first = _import(12, "机关党建").version.material
    since = Event.objects.get().pk
    second = _import(13, "机关党建").version.material
    response = client.get(reverse("events"), HTTP_LAST_EVENT_ID=str(since))
    assert response["Content-Type"] == "text/event-stream"
    body = response.content.decode()
    assert body.startswith("retry: 1000\n\n")
    assert f"/m/{second.pk}/" in body and f"/m/{first.pk}/" not in body
    assert body.count("event: material.published") == 1
    quiet = client.get(reverse("events"), {"last_id": Event.objects.order_by("pk").last().pk})
    assert quiet.content.decode() == "retry: 1000\n\n"


def test_a_membership_ending_is_told_once_in_that_members_own_channel_only(client):
    from gaoku.live.services import renewal_reminders_send
    from gaoku.live.webhooks import Delivery
    from gaoku.members.selectors import plan_get
    from gaoku.members.services import subscription_add

    today = timezone.localdate()
    ending = account("visitor", "ending")
    inbox_ensure(ending)
    subscription_add(
        user=ending, plan=plan_get("annual"), start=today - datetime.timedelta(days=360)
    )
    ended = account("visitor", "ended")
    subscription_add(
        user=ended, plan=plan_get("annual"), start=today - datetime.timedelta(days=370)
    )
    other = account("member", "other")
    assert renewal_reminders_send(today=today) == 2
    assert renewal_reminders_send(today=today) == 0  # each told once
    soon = Event.objects.get(user=ending)
    assert "将于" in soon.title and soon.kind == "announcement.published"
    assert "已于" in Event.objects.get(user=ended).title
    assert [e.pk for e in events_after(interests_of(ending))[0]] == [soon.pk]
    assert soon.pk not in [e.pk for e in events_after(interests_of(other))[0]]
    assert not Delivery.objects.exists()  # never to a group robot
    client.force_login(ending)
    assert 'data-testid="unread"' in client.get(reverse("library:catalogue")).content.decode()
