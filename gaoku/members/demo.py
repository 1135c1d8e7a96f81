"""The demo's accounts and announcements, printed and created by `gaoku demo`."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser

from gaoku.accounts.services import account_ensure
from gaoku.members.models import Announcement, Subscription
from gaoku.members.selectors import plan_get
from gaoku.members.services import announcement_post, profile_ensure, subscription_add

# (username, password, role): a real installation creates its own accounts.
DEMO_ACCOUNTS = (
    ("admin", "gaoku-admin-demo", "admin"),
    ("editor", "gaoku-editor-demo", "editor"),
    ("member", "gaoku-member-demo", "member"),
    ("visitor", "gaoku-visitor-demo", "visitor"),
)

_ANNOUNCEMENTS = (
    (
        Announcement.Tier.FREE,
        "欢迎加入稿库免费群",
        "免费群成员可以浏览全部资料目录、提纲和每篇资料的开头部分。\n"
        "订阅年度会员或三年会员后，即可阅读并下载订阅窗口内的全部资料。",
    ),
    (
        Announcement.Tier.MEMBERS,
        "会员群：本月新增资料说明",
        "本月新增述职报告、心得体会等资料若干篇，均已按最新形势任务更新。\n"
        "下载的每一份资料都带有会员标识，仅供学习，禁止外传。",
    ),
)


def demo_accounts_ensure(
    *, fresh: frozenset[str] = frozenset()
) -> list[tuple[str, str | None, str]]:
    """Create the demo accounts that do not exist yet, with their published passwords;
    the member gets a year from today. An account that exists keeps its password and role
    (re-running the demo must never open an installation with a published password),
    unless it is in ``fresh`` (made a moment ago by ``gaoku init`` with a random one).

    Returns (username, password, role) per account; password None where it was kept.
    """
    shown = []
    User = get_user_model()
    for username, password, role in DEMO_ACCOUNTS:
        if User.objects.filter(username=username).exists() and username not in fresh:
            shown.append((username, None, role))
            continue
        user = account_ensure(
            username=username, password=password, role="visitor" if role == "member" else role
        )
        profile_ensure(user)
        if role == "member":
            _subscribe_once(user)
        shown.append((username, password, role))
    return shown


def _subscribe_once(user: AbstractUser) -> None:
    if not Subscription.objects.filter(user=user).exists():
        subscription_add(user=user, plan=plan_get("annual"))


def demo_announcements_ensure() -> None:
    if Announcement.objects.exists():
        return
    for tier, title, body in _ANNOUNCEMENTS:
        announcement_post(tier=tier, title=title, body=body)
