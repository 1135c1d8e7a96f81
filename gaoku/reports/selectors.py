"""What each side of a report may see: the reporter their own reports and outcomes (never
the accused member or their copy), admins everything."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import QuerySet

from gaoku.errors import NotFound
from gaoku.reports.models import Report

REPORT_GONE = "没有这条举报。"


def reports_of(user: AbstractBaseUser) -> QuerySet[Report]:
    return Report.objects.filter(reporter=user)


def report_list(*, state: str | None = None) -> QuerySet[Report]:
    reports = Report.objects.select_related("reporter", "accused", "version__material")
    return reports.filter(state=state) if state else reports


def report_get(report_id: int) -> Report:
    report = report_list().filter(pk=report_id).first()
    if report is None:
        raise NotFound(REPORT_GONE)
    return report
