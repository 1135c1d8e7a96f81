"""`gaoku member add | grant | suspend | unsuspend | show | reset-link`: members and their
access."""

from __future__ import annotations

from pathlib import Path

import click

from gaoku.cli.base import GaokuGroup, data_option, emit, json_option, main, parse_date, setup

GRANT_KINDS = ("gift", "promotion", "reward")


@main.group(cls=GaokuGroup)
def member() -> None:
    """Add members, grant access, suspend, show."""


@member.command(name="add")
@data_option
@click.argument("username")
@click.option("--plan", help="Plan code or name: free, annual (年度会员), triennial (三年会员).")
@click.option("--start", help="First day, YYYY-MM-DD (default today, Asia/Shanghai).")
@click.option("--email", default="")
@click.option(
    "--password",
    envvar="GAOKU_MEMBER_PASSWORD",
    help="Password (default: made up and printed once).",
)
@json_option
def member_add(
    data: Path,
    username: str,
    plan: str | None,
    start: str | None,
    email: str,
    password: str | None,
    as_json: bool,
) -> None:
    """Create a member account, subscribed to a plan."""
    setup(data)
    from gaoku.members.selectors import plan_get
    from gaoku.members.services import member_add as add

    added = add(
        username=username,
        plan=plan_get(plan) if plan else None,
        start=parse_date(start),
        email=email,
        password=password,
    )
    extra = {"password": added.password} if added.password else {}
    _show(added.user, as_json, extra)


@member.command(name="grant")
@data_option
@click.argument("username")
@click.option("--days", type=click.IntRange(1, 3650), required=True, help="Days of access.")
@click.option("--reason", required=True, help="Why: 举报奖励, 活动赠送 …")
@click.option("--kind", type=click.Choice(GRANT_KINDS), default="gift", show_default=True)
@click.option("--plan", help="Plan whose window applies (default: the member's latest).")
@click.option("--by", "by_name", help="The admin granting it, for the record.")
@json_option
def member_grant(
    data: Path,
    username: str,
    days: int,
    reason: str,
    kind: str,
    plan: str | None,
    by_name: str | None,
    as_json: bool,
) -> None:
    """Grant days of access, added after any current membership."""
    setup(data)
    from gaoku.members.selectors import member_get, plan_get
    from gaoku.members.services import member_grant as grant

    user = member_get(username)
    grant(
        user=user,
        days=days,
        reason=reason,
        kind=kind,
        plan=plan_get(plan) if plan else None,
        by=member_get(by_name) if by_name else None,
    )
    _show(user, as_json)


@member.command(name="suspend")
@data_option
@click.argument("username")
@click.option("--reason", default="", help="Why, for the record.")
@json_option
def member_suspend(data: Path, username: str, reason: str, as_json: bool) -> None:
    """Close a member's access now; nothing is deleted."""
    setup(data)
    from gaoku.members.selectors import member_get
    from gaoku.members.services import member_suspend as suspend

    user = member_get(username)
    suspend(user=user, reason=reason)
    _show(user, as_json)


@member.command(name="unsuspend")
@data_option
@click.argument("username")
@json_option
def member_unsuspend(data: Path, username: str, as_json: bool) -> None:
    """Lift a member's suspension."""
    setup(data)
    from gaoku.members.selectors import member_get
    from gaoku.members.services import member_unsuspend as unsuspend

    user = member_get(username)
    unsuspend(user=user)
    _show(user, as_json)


@member.command(name="show")
@data_option
@click.argument("username")
@json_option
def member_show(data: Path, username: str, as_json: bool) -> None:
    """Show a member's access and history."""
    setup(data)
    from gaoku.members.selectors import member_get

    _show(member_get(username), as_json)


@member.command(name="reset-link")
@data_option
@click.argument("username")
@json_option
def member_reset_link(data: Path, username: str, as_json: bool) -> None:
    """A one-time link for a member (or an admin) who forgot their password."""
    setup(data)
    from gaoku.accounts.services import password_reset_link
    from gaoku.members.selectors import member_get

    user = member_get(username)
    link = password_reset_link(user, by=None)
    if as_json:
        emit({"username": user.get_username(), "link": link, "valid_days": 3})
    else:
        click.echo(f"{link}\n(works once, within three days)")


def _show(user, as_json: bool, extra: dict | None = None) -> None:
    from gaoku.members.selectors import entitlement_get
    from gaoku.members.serializers import member_to_dict

    doc = member_to_dict(user, entitlement_get(user)) | (extra or {})
    if as_json:
        emit(doc)
        return
    if doc["suspended"]:
        state = "已暂停 suspended"
    elif doc["active"]:
        state = f"会员 member until {doc['valid_until']}, window from {doc['window_opens']}"
    else:
        state = "免费 free tier"
    click.echo(f"{doc['member']} ({doc['display_code']}): {state}")
    for s in doc["subscriptions"]:
        click.echo(
            f"  {s['start']} – {s['last_day']}  {s['plan'] or '-':<9} {s['kind']:<9} {s['reason']}"
        )
    if "password" in doc:
        click.echo(f"密码 password: {doc['password']}")


@main.group(cls=GaokuGroup)
def codes() -> None:
    """Redeem codes (兑换码) for selling memberships through a shop."""


@codes.command(name="create")
@data_option
@click.option("--plan", "plan_slug", required=True, help="Plan code (annual, triennial…).")
@click.option("--count", required=True, type=int)
@click.option("--days", type=int, default=None, help="Days instead of the plan's duration.")
@click.option("--batch", "name", default="", help="Batch name (default: plan and time).")
@click.option("--expires", default=None, help="Last day to redeem (YYYY-MM-DD).")
@json_option
def codes_create_command(
    data: Path,
    plan_slug: str,
    count: int,
    days: int | None,
    name: str,
    expires: str | None,
    as_json: bool,
) -> None:
    """Make a batch of codes; they are printed this once (only their hashes are kept)."""
    setup(data)
    from gaoku.members.codes import codes_create
    from gaoku.members.selectors import plan_get

    made = codes_create(
        plan=plan_get(plan_slug), count=count, days=days, name=name, expires_on=parse_date(expires)
    )
    if as_json:
        emit({"batch": made.batch.name, "plan": plan_slug, "codes": made.codes})
        return
    click.echo(f"批次 batch {made.batch.name}: {len(made.codes)} codes for {plan_slug}", err=True)
    for code in made.codes:
        click.echo(code)


@main.command()
@data_option
@click.argument("code")
@click.option("--member", "username", required=True)
@json_option
def redeem(data: Path, code: str, username: str, as_json: bool) -> None:
    """Redeem a code for a member; prints the member as `member show` does."""
    setup(data)
    from gaoku.members.codes import code_redeem
    from gaoku.members.selectors import member_get

    user = member_get(username)
    code_redeem(user=user, code=code)
    _show(user, as_json)
