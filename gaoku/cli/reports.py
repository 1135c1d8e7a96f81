"""`gaoku report`: file a report of resale, confirm or reject one."""

from __future__ import annotations

import io
from pathlib import Path

import click

from gaoku.cli.base import data_option, emit, json_option, main, read_source, setup


@main.group()
def report() -> None:
    """Reports of resale (举报倒卖): file one, confirm or reject it."""


@report.command(name="add")
@data_option
@click.argument("source", metavar="FILE|-")
@click.option("--by", "by_name", required=True, help="The user reporting.")
@click.option("--where", default="命令行", help="Where the resold copy was seen.")
@json_option
def add(data: Path, source: str, by_name: str, where: str, as_json: bool) -> None:
    """File a report with FILE (or - for stdin) as its evidence, and trace it now."""
    setup(data)
    from django.conf import settings

    from gaoku.members.selectors import member_get
    from gaoku.reports.services import report_file

    content, name = read_source(source, settings.GAOKU_MAX_IMPORT_BYTES)
    filed = report_file(
        reporter=member_get(by_name),
        where=where,
        files=[(name, io.BytesIO(content))],
        trace_now=True,
    )
    trace = filed.traces.order_by("pk").values_list("pk", flat=True).first()
    document = {"report": filed.pk, "state": filed.state, "trace": trace}
    if as_json:
        emit(document)
        return
    accused = "未追查到任何会员" if filed.accused is None else "已追查到泄露的会员，待管理员审核"
    click.echo(f"举报 #{filed.pk}：{filed.get_state_display()}；{accused}。")


@report.command(name="confirm")
@data_option
@click.argument("report_id", type=int)
@click.option("--by", "by_name", required=True, help="The admin deciding.")
@click.option("--reason", default="", help="Why, for the record.")
@json_option
def confirm(data: Path, report_id: int, by_name: str, reason: str, as_json: bool) -> None:
    """Confirm a traced report: reward the reporter, suspend the member it traces to."""
    _decide(data, report_id, by_name, reason, as_json, confirm=True)


@report.command(name="reject")
@data_option
@click.argument("report_id", type=int)
@click.option("--by", "by_name", required=True, help="The admin deciding.")
@click.option("--reason", default="", help="Why: the reporter reads it.")
@json_option
def reject(data: Path, report_id: int, by_name: str, reason: str, as_json: bool) -> None:
    """Reject a report, with the reason its reporter reads."""
    _decide(data, report_id, by_name, reason, as_json, confirm=False)


def _decide(data: Path, report_id: int, by_name: str, reason: str, as_json: bool, *, confirm: bool):
    setup(data)
    from gaoku.errors import Forbidden
    from gaoku.members.selectors import member_get
    from gaoku.reports.selectors import report_get
    from gaoku.reports.services import report_confirm, report_reject

    admin = member_get(by_name)
    if not admin.has_perm("reports.change_report"):
        raise Forbidden(f"{by_name} 不是管理员，不能处理举报。")
    decided = report_get(report_id)
    grant = None
    if confirm:
        subscription = report_confirm(report=decided, by=admin, reason=reason)
        grant = {
            "member": subscription.user.get_username(),
            "days": (subscription.last_day - subscription.start).days + 1,
        }
    else:
        report_reject(report=decided, by=admin, reason=reason)
    decided.refresh_from_db()
    document = {"report": decided.pk, "state": decided.state, "grant": grant}
    if as_json:
        emit(document)
        return
    reward = f"；奖励 {grant['member']} 会员 {grant['days']} 天" if grant else ""
    click.echo(f"举报 #{decided.pk}：{decided.get_state_display()}{reward}。")
