"""Webhooks: each receiver gets its own format, signed as its vendor documents it (checked
here by a receiver that verifies them the vendor's way); publishing never waits; failures
are retried with backoff; a burst goes to a robot as one digest, within its rate limit."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
import urllib.parse
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.urls import reverse
from django.utils import timezone
from standardwebhooks import Webhook as StandardWebhook

from gaoku.core.generator import generate_document
from gaoku.library.services import ImportMetadata, material_import
from gaoku.live.models import Delivery
from gaoku.live.webhooks import webhook_add, webhook_flush, webhook_rotate
from gaoku.members.services import announcement_post
from gaoku.ops.worker import jobs_run_pending
from tests.conftest import account

pytestmark = pytest.mark.django_db
DING_SECRET = "SECde2b0b4f0c5f4e8a9d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4"
FEISHU_SECRET = "qY6Yb1m9W6Zo8wK3pR4tUv"
ONEBOT_TOKEN = "onebot-token-2026"


class Receiver(BaseHTTPRequestHandler):
    """Answers as each vendor answers; keeps what it got."""

    got: list[dict] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        url = urllib.parse.urlsplit(self.path)
        self.got.append(
            {
                "path": url.path,
                "query": urllib.parse.parse_qs(url.query),
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "body": body,
            }
        )
        status, answer = 200, {"errcode": 0, "errmsg": "ok"}
        if url.path == "/feishu":
            answer = {"code": 0, "msg": "success"}
        elif url.path == "/onebot/send_group_msg":
            answer = {"status": "ok", "retcode": 0, "data": {"message_id": 1}}
        elif url.path == "/down":
            status, answer = 503, {"error": "maintenance"}
        elif url.path == "/refuses":
            answer = {"errcode": 310000, "errmsg": "sign not match"}
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps(answer).encode())

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def receiver():
    Receiver.got = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", Receiver.got
    server.shutdown()


def _import(seed: int, *topics: str):
    doc = generate_document(seed)
    return material_import(
        data=doc.text.encode(), name=f"{seed}.txt", metadata=ImportMetadata(topics=topics)
    ).version


def _by_path(got: list[dict]) -> dict[str, dict]:
    return {g["path"]: g for g in got}


def _fresh(timestamp_s: float) -> bool:
    return abs(time.time() - timestamp_s) < 3600


def test_each_receiver_gets_its_format_and_a_signature_its_vendor_accepts(receiver):
    base, got = receiver
    standard = webhook_add(url=f"{base}/standard", kind="standard")
    webhook_add(url=f"{base}/dingtalk?access_token=t0k", kind="dingtalk", secret=DING_SECRET)
    webhook_add(url=f"{base}/feishu", kind="feishu", secret=FEISHU_SECRET)
    webhook_add(url=f"{base}/wecom?key=693a91f6-7xxx", kind="wecom")
    webhook_add(url=f"{base}/onebot", kind="onebot", secret=ONEBOT_TOKEN, target="123456")
    version = _import(1, "机关党建")
    assert got == []  # publishing waited on nobody
    jobs_run_pending()
    requests = _by_path(got)
    assert set(requests) == {
        "/standard",
        "/dingtalk",
        "/feishu",
        "/wecom",
        "/onebot/send_group_msg",
    }
    hidden = [p for p in version.text.split("\n")[3:] if len(p) > 40]
    for request in requests.values():
        assert not any(p in request["body"].decode() for p in hidden)  # never full text

    # Standard Webhooks: the reference library's own verification.
    s = requests["/standard"]
    payload = StandardWebhook(standard.secret).verify(s["body"], s["headers"])
    assert payload["type"] == "material.published"
    assert payload["data"]["title"] == version.material.title
    assert payload["data"]["url"].endswith(f"/m/{version.material_id}/")
    assert payload["data"]["topics"] == ["机关党建"] and payload["data"]["outline"]

    # DingTalk 加签: timestamp + "\n" + secret, HmacSHA256 under the secret, Base64, urlencode.
    d = requests["/dingtalk"]
    timestamp, sign = d["query"]["timestamp"][0], d["query"]["sign"][0]
    expected = hmac.new(
        DING_SECRET.encode(), f"{timestamp}\n{DING_SECRET}".encode(), hashlib.sha256
    ).digest()
    assert sign == base64.b64encode(expected).decode() and _fresh(int(timestamp) / 1000)
    assert d["query"]["access_token"] == ["t0k"]
    message = json.loads(d["body"])
    assert (
        message["msgtype"] == "markdown" and version.material.title in message["markdown"]["text"]
    )

    # Feishu 签名校验: the key is timestamp + "\n" + secret, the message empty; Base64.
    f = json.loads(requests["/feishu"]["body"])
    key = f"{f['timestamp']}\n{FEISHU_SECRET}".encode()
    assert f["sign"] == base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()
    assert _fresh(int(f["timestamp"])) and f["msg_type"] == "text"

    # WeCom: the key in the address; OneBot: the access token and the group.
    w = requests["/wecom"]
    assert w["query"]["key"] == ["693a91f6-7xxx"] and json.loads(w["body"])["msgtype"] == "markdown"
    o = requests["/onebot/send_group_msg"]
    assert o["headers"]["authorization"] == f"Bearer {ONEBOT_TOKEN}"
    assert json.loads(o["body"])["group_id"] == 123456
    assert Delivery.objects.filter(state="sent").count() == 5
    assert set(Delivery.objects.values_list("status", flat=True)) == {200}


def test_during_a_rotation_both_secrets_sign(receiver):
    base, got = receiver
    hook = webhook_add(url=f"{base}/standard", kind="standard")
    old = hook.secret
    new = webhook_rotate(hook)
    _import(2)
    jobs_run_pending()
    request = got[0]
    headers = request["headers"]
    assert len(headers["webhook-signature"].split()) == 2
    StandardWebhook(old).verify(request["body"], headers)
    StandardWebhook(new).verify(request["body"], headers)


def test_a_failing_receiver_is_tried_again_later_and_its_answers_kept(receiver, caplog):
    base, _got = receiver
    down = webhook_add(url=f"{base}/down", kind="standard")
    refusing = webhook_add(url=f"{base}/refuses", kind="dingtalk", secret=DING_SECRET)
    _import(3)
    jobs_run_pending()
    for hook, status in ((down, 503), (refusing, 200)):
        delivery = Delivery.objects.get(webhook=hook)
        assert delivery.state == "pending" and delivery.attempts == 1
        assert delivery.status == status and delivery.response
        assert timedelta(seconds=25) < delivery.next_at - timezone.now() < timedelta(seconds=35)
    assert "webhook" in caplog.text and "503" in caplog.text
    # Not yet due: nothing is sent again.
    assert webhook_flush(down.pk) == 0
    Delivery.objects.update(next_at=timezone.now(), attempts=7)
    webhook_flush(down.pk)
    assert Delivery.objects.get(webhook=down).state == "failed"  # the eighth try was the last


def test_a_burst_goes_to_a_robot_as_one_digest_and_never_past_its_rate_limit(receiver):
    base, got = receiver
    robot = webhook_add(url=f"{base}/wecom?key=k", kind="wecom")
    versions = [_import(10 + n) for n in range(6)]
    Delivery.objects.update(next_at=timezone.now())
    assert webhook_flush(robot.pk) == 1
    text = json.loads(got[0]["body"])["markdown"]["content"]
    assert "稿库更新 6 条" in text
    assert all(v.material.title in text for v in versions)
    # Twenty messages in the last minute: the next waits for the minute to pass.
    _import(20)
    now = timezone.now()
    for n in range(20):
        Delivery.objects.create(
            webhook=robot,
            event=Delivery.objects.first().event,
            state="sent",
            sent_at=now - timedelta(seconds=n + 1),
        )
    assert webhook_flush(robot.pk) == 0
    assert Delivery.objects.filter(webhook=robot, state="pending").count() == 1


def test_receivers_get_only_what_they_were_registered_for(receiver):
    base, _got = receiver
    party = webhook_add(url=f"{base}/standard", kind="standard", topics=("机关党建",))
    members = webhook_add(url=f"{base}/standard", kind="standard", tier="members", types=("方案",))
    _import(30, "机关党建")
    _import(31, "乡村振兴")
    announcement_post(tier="members", title="会员群通知", body="…")
    announcement_post(tier="free", title="免费群通知", body="…")

    def titles(hook):
        return [d.event.title for d in Delivery.objects.filter(webhook=hook).order_by("pk")]

    assert len(titles(party)) == 2 and titles(party)[-1] == "免费群通知"
    assert titles(members)[-2:] == ["会员群通知", "免费群通知"]


def test_the_admin_sends_a_delivery_again(receiver, client):
    base, got = receiver
    hook = webhook_add(url=f"{base}/standard", kind="standard")
    _import(40)
    jobs_run_pending()
    delivery = Delivery.objects.get()
    client.force_login(account("admin"))
    changelist = reverse("admin:live_delivery_changelist")
    assert client.get(reverse("admin:live_webhook_change", args=[hook.pk])).status_code == 200
    response = client.post(changelist, {"action": "resend", "_selected_action": [delivery.pk]})
    assert response.status_code == 302
    jobs_run_pending()
    assert len(got) == 2
    delivery.refresh_from_db()
    assert delivery.state == "sent" and delivery.attempts == 1


def test_bad_registrations_are_refused():
    from gaoku.errors import InvalidInput

    for kwargs in (
        {"url": "ftp://x", "kind": "standard"},
        {"url": "https://x", "kind": "telegram"},
        {"url": "https://x", "kind": "onebot"},
        {"url": "https://x", "kind": "standard", "secret": "whsec_@@@"},
        {"url": "https://x", "kind": "wecom", "types": ("炸弹",)},
    ):
        with pytest.raises(InvalidInput):
            webhook_add(**kwargs)


def test_admins_read_the_delivery_log_with_each_receivers_answer(receiver, client):
    from tests.conftest import account

    base, _got = receiver
    webhook_add(url=f"{base}/down", kind="standard", name="县委办群")
    _import(4)
    jobs_run_pending()
    client.force_login(account("admin"))
    page = client.get(reverse("live:deliveries"), {"state": "pending"}).content.decode()
    assert "县委办群" in page and "<td>503</td>" in page and "<td>1</td>" in page
    client.force_login(account("member", "li"))
    assert client.get(reverse("live:deliveries")).status_code == 302
