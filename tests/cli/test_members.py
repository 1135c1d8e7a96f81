"""`gaoku member add | grant | suspend | unsuspend | show | reset-link`."""

from __future__ import annotations

import json
from datetime import date

from tests.cli.conftest import gaoku


def member(data, *args: str) -> dict:
    result = gaoku(data, "member", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_add_grant_suspend_show(data):
    added = member(data, "add", "wang", "--plan", "annual", "--start", "2026-01-01")
    password = added.pop("password")
    assert len(password) >= 12
    code = added["display_code"]
    today = date.today().isoformat()
    active = "2026-01-01" <= today <= "2026-12-31"
    assert added == {
        "member": "wang",
        "display_code": code,
        "active": active,
        "suspended": False,
        "reads_everything": False,
        "plan": "annual" if active else None,
        "member_since": "2026-01-01" if active else None,
        "valid_until": "2026-12-31" if active else None,
        "window_opens": "2023-01-01" if active else None,
        "subscriptions": [
            {
                "id": added["subscriptions"][0]["id"],
                "plan": "annual",
                "kind": "purchase",
                "start": "2026-01-01",
                "last_day": "2026-12-31",
                "window_months": 36,
                "reason": "",
                "granted_by": None,
                "cancelled": False,
            }
        ],
        "suspensions": [],
    }
    granted = member(data, "grant", "wang", "--days", "30", "--reason", "举报奖励", "--by", "admin")
    grant = granted["subscriptions"][-1]
    assert (grant["kind"], grant["reason"], grant["plan"]) == ("gift", "举报奖励", None)
    assert grant["granted_by"] == "admin"
    assert grant["start"] == max("2027-01-01", today)
    suspended = member(data, "suspend", "wang", "--reason", "转卖资料")
    assert suspended["suspended"] and not suspended["active"]
    assert suspended["suspensions"][0]["reason"] == "转卖资料"
    assert len(suspended["subscriptions"]) == 2
    lifted = member(data, "unsuspend", "wang")
    assert not lifted["suspended"]
    assert lifted["suspensions"][0]["lifted_at"]
    assert member(data, "show", "wang") == lifted


def test_add_without_plan_is_free_tier(data):
    shown = member(data, "add", "zhao", "--password", "a-long-pass-2026")
    assert "password" not in shown
    assert (shown["active"], shown["plan"], shown["subscriptions"]) == (False, None, [])


def test_plan_by_chinese_name_and_stacking(data):
    member(data, "add", "sun", "--plan", "三年会员")
    renewed = member(
        data, "grant", "sun", "--days", "365", "--reason", "活动", "--kind", "promotion"
    )
    first, second = renewed["subscriptions"]
    assert first["plan"] == "triennial"
    assert second["start"] > first["last_day"]
    assert renewed["valid_until"] == second["last_day"]


def test_errors_are_one_line(data):
    cases = [
        (("member", "show", "nobody"), "gaoku: 用户 nobody 不存在。"),
        (("member", "add", "x1", "--plan", "gold"), "没有方案“gold”"),
        (("member", "add", "x2", "--start", "2026-02-30"), "YYYY-MM-DD"),
        (("member", "suspend", "nobody"), "不存在"),
        (("member", "grant", "nobody", "--days", "3", "--reason", "r"), "不存在"),
    ]
    for args, message in cases:
        result = gaoku(data, *args)
        assert result.returncode == 1, args
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1
        assert message in result.stderr
    member(data, "add", "li")
    again = gaoku(data, "member", "add", "li")
    assert again.returncode == 1 and "已存在" in again.stderr
    member(data, "suspend", "li")
    twice = gaoku(data, "member", "suspend", "li")
    assert twice.returncode == 1 and "已处于暂停" in twice.stderr
    # Days out of range are refused before anything is written.
    free = gaoku(data, "member", "grant", "li", "--days", "0", "--reason", "r")
    assert free.returncode != 0


def test_reset_link_makes_a_one_time_password_link(data):
    assert gaoku(data, "member", "add", "forgetful").returncode == 0
    made = gaoku(data, "member", "reset-link", "forgetful", "--json")
    assert made.returncode == 0, made.stderr
    answer = json.loads(made.stdout)
    assert answer["username"] == "forgetful" and "/accounts/reset/" in answer["link"]
    missing = gaoku(data, "member", "reset-link", "nobody")
    assert missing.returncode != 0 and "nobody" in missing.stderr
