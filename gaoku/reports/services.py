"""Reports of resale, from filing to decision.

A signed-in user files a report: where the copy was seen, the seller's contact, and the
evidence (pasted text, files, screenshots or photos). The evidence is traced in the
background (gaoku.reports.jobs): each piece through the leak trace, which reads files with
the importers' safe readers and photos by OCR. The report then names the leak it found —
the version and the member its traces accuse first — and waits for an admin.

An admin confirms or rejects it with a reason. Confirming, in one transaction, rewards the
reporter with a grant (``GAOKU_REPORT_REWARD_DAYS``, a year by default) whose reason names
the report, suspends the accused member with the trace as the reason, and marks every
other open report of the same leak as handled: the first confirmed reporter is rewarded,
later ones are thanked. A report of a leak already confirmed is marked handled as soon as
it is traced. Everything is kept, and every step is in the audit log.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import BinaryIO

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from gaoku.errors import InvalidInput
from gaoku.members.models import Subscription
from gaoku.members.selectors import suspension_open
from gaoku.members.services import member_grant, member_suspend
from gaoku.ops.audit import audit_record
from gaoku.ops.jobs import job_execute, job_submit
from gaoku.ops.models import Job
from gaoku.ops.ratelimit import DAY, RateLimited, rate_spend, rate_used_from
from gaoku.reports.models import Report
from gaoku.traces.models import Trace

PASTED = "粘贴的文字.txt"
NO_EVIDENCE = "请粘贴转卖的文字，或上传文件、截图、照片作为证据。"
NO_WHERE = "请写明在哪里看到转卖（店铺、群或网站名称，链接文字）。"
NOT_OPEN = "举报 #{id} 已经处理过了（{state}）。"
NOT_TRACED = "举报 #{id} 还在追查，追查完成后才能确认。"
NOBODY = "举报 #{id} 的证据没有追查到任何会员，不能确认，只能驳回。"
SELF_REPORT = "举报人就是被追查到的会员，不能确认。"
REASON_NEEDED = "驳回举报请写明理由。"
DUPLICATE_REASON = "同一份资料的同一泄露已由更早的举报处理，感谢您的举报。"
TOO_MANY_FROM_HERE = "今天从这个网络提交的举报太多了，请明天再试。"


def report_file(
    *,
    reporter: AbstractBaseUser,
    where: str,
    seller_contact: str = "",
    text: str = "",
    files: Sequence[tuple[str, BinaryIO]] = (),
    address: str | None = None,
    trace_now: bool = False,
) -> Report:
    """File a report and queue the trace of its evidence, or, ``trace_now`` (the command
    line), trace it before returning (raises RateLimited, InvalidInput)."""
    where, text = where.strip(), text.strip()
    if not where:
        raise InvalidInput(NO_WHERE, code="no_where")
    if not text and not files:
        raise InvalidInput(NO_EVIDENCE, code="no_evidence")
    if rate_used_from(address, "report", DAY) >= settings.GAOKU_RATE_REPORTS_PER_ADDRESS_PER_DAY:
        raise RateLimited(TOO_MANY_FROM_HERE)
    rate_spend(reporter, "report", address=address)
    inputs = [(PASTED, io.BytesIO(text.encode()))] if text else []
    inputs += list(files)
    with transaction.atomic():
        report = Report.objects.create(
            reporter=reporter,
            where=where[:300],
            seller_contact=seller_contact.strip()[:200],
            evidence_text=text,
            evidence_files=[name[:255] for name, _ in files],
            client_address=address,
        )
        job = job_submit(
            kind=Job.Kind.REPORT, by=reporter, params={"report": report.pk}, files=inputs
        )
        audit_record(
            "report.file",
            actor=reporter,
            object=f"report:{report.pk}",
            detail={"where": report.where, "files": report.evidence_files},
        )
    if trace_now:
        # The queued task then finds the job done and does nothing.
        job_execute(job.pk)
        report.refresh_from_db()
    return report


def report_traced(report: Report) -> Report:
    """Name the leak the report's traces found, and mark it handled if that leak was
    already confirmed by an earlier report."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.state != Report.State.SUBMITTED:
            return report
        trace = _naming_trace(report)
        if trace is not None:
            report.version = trace.version
            report.accused = trace.accused.get(username=trace.result["accused"][0]["member"])
        confirmed = (
            trace is not None
            and Report.objects.filter(
                version=report.version, accused=report.accused, state=Report.State.CONFIRMED
            ).exists()
        )
        report.state = Report.State.DUPLICATE if confirmed else Report.State.TRACED
        report.reason = DUPLICATE_REASON if confirmed else ""
        report.save(update_fields=["version", "accused", "state", "reason"])
        audit_record(
            "report.traced",
            actor=None,
            object=f"report:{report.pk}",
            detail={
                "traces": sorted(report.traces.values_list("pk", flat=True)),
                "accused": report.accused.get_username() if report.accused else None,
                "state": report.state,
            },
        )
    return report


def _naming_trace(report: Report) -> Trace | None:
    """The first of the report's traces (in the order its evidence was given) that
    accuses someone."""
    for trace in report.traces.order_by("pk"):
        if trace.result.get("accused"):
            return trace
    return None


@transaction.atomic
def report_confirm(*, report: Report, by: AbstractBaseUser, reason: str = "") -> Subscription:
    """Confirm a traced report: the reporter's reward, the leaker's suspension and the
    same leak's other reports, together. Returns the reporter's grant."""
    report = _open(report)
    if report.accused is None:
        raise InvalidInput(NOBODY.format(id=report.pk), code="nobody_accused")
    if report.accused_id == report.reporter_id:
        raise InvalidInput(SELF_REPORT, code="self_report")
    days = settings.GAOKU_REPORT_REWARD_DAYS
    grant = member_grant(
        user=report.reporter,
        days=days,
        reason=f"举报 #{report.pk} 经核实属实，奖励会员 {days} 天",
        kind=Subscription.Kind.REWARD,
        by=by,
    )
    trace = _naming_trace(report)
    suspension = suspension_open(report.accused) or member_suspend(
        user=report.accused,
        reason=(
            f"经追查（追查 #{trace.pk}），您的账号取得的《{report.version.material.title}》"
            f"副本被转卖（举报 #{report.pk}）。如有异议，请联系运营者。"
        ),
        by=by,
    )
    report.state, report.reason = Report.State.CONFIRMED, reason.strip()
    report.decided_by, report.decided_at = by, timezone.now()
    report.grant, report.suspension = grant, suspension
    report.save()
    handled = Report.objects.filter(
        version=report.version,
        accused=report.accused,
        state__in=[Report.State.SUBMITTED, Report.State.TRACED],
    ).exclude(pk=report.pk)
    duplicates = sorted(handled.values_list("pk", flat=True))
    handled.update(state=Report.State.DUPLICATE, reason=DUPLICATE_REASON)
    audit_record(
        "report.confirm",
        actor=by,
        object=f"report:{report.pk}",
        detail={
            "reporter": report.reporter.get_username(),
            "accused": report.accused.get_username(),
            "grant_days": days,
            "duplicates": duplicates,
            "reason": report.reason,
        },
    )
    return grant


@transaction.atomic
def report_reject(*, report: Report, by: AbstractBaseUser, reason: str) -> Report:
    """Reject a report, with the reason its reporter reads."""
    if not reason.strip():
        raise InvalidInput(REASON_NEEDED, code="reason_needed")
    report = _open(report, traced_only=False)
    report.state, report.reason = Report.State.REJECTED, reason.strip()
    report.decided_by, report.decided_at = by, timezone.now()
    report.save(update_fields=["state", "reason", "decided_by", "decided_at"])
    audit_record(
        "report.reject", actor=by, object=f"report:{report.pk}", detail={"reason": report.reason}
    )
    return report


def _open(report: Report, *, traced_only: bool = True) -> Report:
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.state in (Report.State.CONFIRMED, Report.State.REJECTED, Report.State.DUPLICATE):
        raise InvalidInput(
            NOT_OPEN.format(id=report.pk, state=report.get_state_display()), code="not_open"
        )
    if traced_only and report.state != Report.State.TRACED:
        raise InvalidInput(NOT_TRACED.format(id=report.pk), code="not_traced")
    return report
