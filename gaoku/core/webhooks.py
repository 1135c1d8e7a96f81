"""Outgoing webhooks: what each kind of receiver is sent, and how it is signed.

Pure: a list of notices in, one HTTP request out (the Django side sends it and keeps the
log). Each group robot gets its own format and signature, as its vendor documents it:

- ``standard``: Standard Webhooks (standardwebhooks.com): ``webhook-id``,
  ``webhook-timestamp`` and ``webhook-signature`` = ``v1,`` + base64 HMAC-SHA256 of
  ``id.timestamp.body`` under the endpoint's ``whsec_`` secret; during a rotation the
  previous secret signs too (one signature each, space-separated).
- ``dingtalk`` (钉钉自定义机器人, 加签): ``timestamp`` (ms) and ``sign`` = URL-encoded
  base64 HMAC-SHA256 of ``timestamp + "\\n" + secret`` under the secret, in the query.
- ``feishu`` (飞书自定义机器人, 签名校验): ``timestamp`` (s) and ``sign`` in the body: base64
  of HMAC-SHA256 of an empty message under the key ``timestamp + "\\n" + secret``.
- ``wecom`` (企业微信群机器人): the key is in the URL; no signature.
- ``onebot`` (QQ groups through a OneBot v11 HTTP endpoint): ``POST /send_group_msg``
  with the group id; the endpoint's access token as ``Authorization: Bearer``.

Never full text: a notice carries a title, the type, topics, a link and the outline's
headings.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import urllib.parse
from dataclasses import dataclass
from datetime import UTC, datetime

from standardwebhooks import Webhook as StandardWebhook

KINDS = ("standard", "dingtalk", "feishu", "wecom", "onebot")
# Messages a receiver accepts per minute (DingTalk and WeCom document 20); more pending
# notices than one message each are sent together as one digest.
PER_MINUTE = {"standard": 600, "dingtalk": 20, "feishu": 100, "wecom": 20, "onebot": 20}
LABELS = {
    "material.published": "新资料",
    "version.published": "新版本",
    "announcement.published": "公告",
}
MAX_HEADINGS = 8


@dataclass(frozen=True)
class Notice:
    id: str  # unique per event: the receiver may drop duplicates by it
    kind: str  # material.published, version.published, announcement.published
    title: str
    doc_type: str
    topics: tuple[str, ...]
    url: str  # absolute
    version: int | None = None
    material: int | None = None
    headings: tuple[str, ...] = ()
    at: datetime | None = None

    def to_dict(self) -> dict:
        return {
            "material": self.material,
            "version": self.version,
            "title": self.title,
            "type": self.doc_type,
            "topics": list(self.topics),
            "url": self.url,
            "outline": list(self.headings),
        }


@dataclass(frozen=True)
class Endpoint:
    kind: str
    url: str
    secret: str = ""
    previous_secret: str = ""  # Standard Webhooks: still signing during a rotation
    target: str = ""  # OneBot: the QQ group id


@dataclass(frozen=True)
class Request:
    url: str
    headers: dict[str, str]
    body: bytes


def build_request(endpoint: Endpoint, notices: list[Notice], *, now: datetime) -> Request:
    """The one request that carries ``notices`` to ``endpoint`` (several only for robots,
    as a digest)."""
    if not notices:
        raise ValueError("nothing to send")
    build = {
        "standard": _standard,
        "dingtalk": _dingtalk,
        "feishu": _feishu,
        "wecom": _wecom,
        "onebot": _onebot,
    }[endpoint.kind]
    return build(endpoint, notices, now)


def accepted(kind: str, status: int, body: bytes) -> bool:
    """Whether the receiver took the message: a 2xx, and for the robots their own code
    (they answer 200 with an error code when they refuse)."""
    if not 200 <= status < 300:
        return False
    if kind == "standard":
        return True
    try:
        answer = json.loads(body or b"{}")
    except ValueError:
        return False
    if kind in ("dingtalk", "wecom"):
        return answer.get("errcode", 0) == 0
    if kind == "feishu":
        return answer.get("code", answer.get("StatusCode", 0)) == 0
    return answer.get("status", "ok") in ("ok", "async") and answer.get("retcode", 0) in (0, 1)


def new_standard_secret() -> str:
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


def _json(data: dict) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def _standard(endpoint: Endpoint, notices: list[Notice], now: datetime) -> Request:
    notice = notices[0]  # one message per notice: no rate limit to respect
    at = now.astimezone(UTC)
    body = _json(
        {
            "type": notice.kind,
            "timestamp": (notice.at or at).astimezone(UTC).isoformat(),
            "data": notice.to_dict(),
        }
    )
    signatures = [
        StandardWebhook(secret).sign(notice.id, at, body.decode())
        for secret in (endpoint.secret, endpoint.previous_secret)
        if secret
    ]
    headers = {
        "content-type": "application/json",
        "webhook-id": notice.id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": " ".join(signatures),
    }
    return Request(endpoint.url, headers, body)


def _meta(notice: Notice) -> str:
    return " · ".join([notice.doc_type, *notice.topics]) if notice.doc_type else ""


def _lines(notice: Notice) -> list[str]:
    meta = _meta(notice)
    label = LABELS.get(notice.kind, "")
    version = f"（第 {notice.version} 版）" if notice.version and notice.version > 1 else ""
    lines = [f"【{label}】{notice.title}{version}"]
    if meta:
        lines.append(meta)
    lines += [f"· {h}" for h in notice.headings[:MAX_HEADINGS]]
    lines.append(notice.url)
    return lines


def _markdown(notices: list[Notice]) -> tuple[str, str]:
    if len(notices) == 1:
        n = notices[0]
        title = f"{LABELS.get(n.kind, '')}：{n.title}"
        parts = [f"### {title}", _meta(n), *[f"- {h}" for h in n.headings[:MAX_HEADINGS]]]
        parts.append(f"[查看]({n.url})")
        return title, "\n\n".join(p for p in parts if p)
    title = f"稿库更新 {len(notices)} 条"
    items = [f"- {LABELS.get(n.kind, '')}：[{n.title}]({n.url})" for n in notices]
    return title, "\n".join([f"### {title}", *items])


def _text(notices: list[Notice]) -> str:
    if len(notices) == 1:
        return "\n".join(_lines(notices[0]))
    items = [f"{LABELS.get(n.kind, '')}：{n.title} {n.url}" for n in notices]
    return "\n".join([f"稿库更新 {len(notices)} 条", *items])


def _dingtalk(endpoint: Endpoint, notices: list[Notice], now: datetime) -> Request:
    title, text = _markdown(notices)
    url = endpoint.url
    if endpoint.secret:
        timestamp = str(int(now.timestamp() * 1000))
        to_sign = f"{timestamp}\n{endpoint.secret}".encode()
        digest = hmac.new(endpoint.secret.encode(), to_sign, hashlib.sha256).digest()
        sign = urllib.parse.quote_plus(base64.b64encode(digest))
        url += ("&" if "?" in url else "?") + f"timestamp={timestamp}&sign={sign}"
    body = _json({"msgtype": "markdown", "markdown": {"title": title, "text": text}})
    return Request(url, {"content-type": "application/json"}, body)


def _feishu(endpoint: Endpoint, notices: list[Notice], now: datetime) -> Request:
    message: dict = {"msg_type": "text", "content": {"text": _text(notices)}}
    if endpoint.secret:
        timestamp = str(int(now.timestamp()))
        key = f"{timestamp}\n{endpoint.secret}".encode()
        sign = base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()
        message = {"timestamp": timestamp, "sign": sign, **message}
    return Request(endpoint.url, {"content-type": "application/json"}, _json(message))


def _wecom(endpoint: Endpoint, notices: list[Notice], now: datetime) -> Request:
    _title, text = _markdown(notices)
    body = _json({"msgtype": "markdown", "markdown": {"content": text}})
    return Request(endpoint.url, {"content-type": "application/json"}, body)


def _onebot(endpoint: Endpoint, notices: list[Notice], now: datetime) -> Request:
    headers = {"content-type": "application/json"}
    if endpoint.secret:
        headers["authorization"] = f"Bearer {endpoint.secret}"
    group = int(endpoint.target) if endpoint.target.isdigit() else endpoint.target
    body = _json({"group_id": group, "message": _text(notices), "auto_escape": True})
    return Request(endpoint.url.rstrip("/") + "/send_group_msg", headers, body)
