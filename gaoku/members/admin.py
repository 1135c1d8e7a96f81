"""Admin pages for plans, members, subscriptions, suspensions and announcements.

Subscriptions and suspensions are created through the services (stacking, who granted,
one open suspension at a time) and are read-only afterwards, so the history stays whole.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from gaoku.accounts.services import password_reset_link
from gaoku.errors import InvalidInput
from gaoku.members import codes_admin  # noqa: F401  (registers the code batches)
from gaoku.members.models import Announcement, MemberProfile, Plan, Subscription, Suspension
from gaoku.members.selectors import entitlement_get, suspension_open
from gaoku.members.services import (
    ALREADY_SUSPENDED,
    MAX_GRANT_DAYS,
    announcement_post,
    member_suspend,
    member_unsuspend,
    subscription_add,
    subscription_cancel,
    subscription_validate,
)

User = get_user_model()


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "price_label", "duration_months", "window_months", "public")
    prepopulated_fields = {"slug": ("name",)}


class SubscriptionForm(forms.ModelForm):
    start = forms.DateField(
        label=_("first day"),
        required=False,
        help_text=_("Empty: today. A day already covered moves to the end of the membership."),
    )
    days = forms.IntegerField(
        label=_("days"),
        required=False,
        min_value=1,
        max_value=MAX_GRANT_DAYS,
        help_text=_("For grants: the number of days. Empty: the plan's duration."),
    )

    class Meta:
        model = Subscription
        fields = ("user", "plan", "kind", "start", "days", "reason")

    def clean(self) -> dict:
        data = super().clean()
        try:
            subscription_validate(
                plan=data.get("plan"),
                days=data.get("days"),
                kind=data.get("kind", ""),
                reason=data.get("reason", ""),
                start=data.get("start"),
            )
        except InvalidInput as exc:
            raise forms.ValidationError(exc.message) from exc
        return data


class CreateOnlyAdmin(admin.ModelAdmin):
    """Rows created through a service by the add form, then shown read-only and never
    deleted, so that the history stays whole."""

    shown: tuple[str, ...] = ()

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def get_readonly_fields(self, request: HttpRequest, obj=None) -> tuple:
        return self.shown if obj else ()

    def get_fields(self, request: HttpRequest, obj=None) -> tuple:
        return self.shown if obj else self.form.Meta.fields


@admin.register(Subscription)
class SubscriptionAdmin(CreateOnlyAdmin):
    form = SubscriptionForm
    shown = (
        "user",
        "plan",
        "kind",
        "start",
        "last_day",
        "window_months",
        "reason",
        "granted_by",
        "created_at",
        "cancelled_at",
        "cancelled_by",
    )
    list_display = shown
    list_filter = ("kind", "plan", ("cancelled_at", admin.EmptyFieldListFilter))
    actions = ("cancel",)
    search_fields = ("user__username", "reason")
    date_hierarchy = "start"
    autocomplete_fields = ("user",)

    def save_model(self, request: HttpRequest, obj: Subscription, form, change: bool) -> None:
        if change:
            return
        data = form.cleaned_data
        created = subscription_add(
            user=data["user"],
            plan=data.get("plan"),
            start=data.get("start"),
            days=data.get("days"),
            kind=data["kind"],
            reason=data.get("reason", ""),
            by=request.user,
        )
        obj.pk, obj.start, obj.last_day = created.pk, created.start, created.last_day

    @admin.action(description=_("Cancel the selected subscriptions"), permissions=("change",))
    def cancel(self, request: HttpRequest, queryset) -> None:
        for subscription in queryset:
            subscription_cancel(subscription=subscription, by=request.user)


class SuspensionForm(forms.ModelForm):
    class Meta:
        model = Suspension
        fields = ("user", "reason")

    def clean(self) -> dict:
        data = super().clean()
        user = data.get("user")
        if user is not None and suspension_open(user) is not None:
            raise forms.ValidationError(ALREADY_SUSPENDED.format(username=user.get_username()))
        return data


@admin.register(Suspension)
class SuspensionAdmin(CreateOnlyAdmin):
    form = SuspensionForm
    shown = ("user", "reason", "started_at", "suspended_by", "lifted_at", "lifted_by")
    list_display = shown
    list_filter = (("lifted_at", admin.EmptyFieldListFilter),)
    search_fields = ("user__username", "reason")
    autocomplete_fields = ("user",)
    actions = ("lift",)

    def save_model(self, request: HttpRequest, obj: Suspension, form, change: bool) -> None:
        if change:
            return
        created = member_suspend(
            user=form.cleaned_data["user"], reason=form.cleaned_data["reason"], by=request.user
        )
        obj.pk, obj.started_at = created.pk, created.started_at

    @admin.action(description=_("Lift the selected suspensions"), permissions=("change",))
    def lift(self, request: HttpRequest, queryset) -> None:
        for suspension in queryset.filter(lifted_at__isnull=True).select_related("user"):
            member_unsuspend(user=suspension.user, by=request.user)
            messages.success(request, LIFTED % {"name": suspension.user.get_username()})


@admin.register(Announcement)
class AnnouncementAdmin(admin.ModelAdmin):
    list_display = ("title", "tier", "published_at", "author")
    list_filter = ("tier",)
    search_fields = ("title", "body")
    fields = ("tier", "title", "body", "published_at")

    def save_model(self, request: HttpRequest, obj: Announcement, form, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        created = announcement_post(
            tier=obj.tier,
            title=obj.title,
            body=obj.body,
            author=request.user,
            published_at=obj.published_at,
        )
        obj.pk = created.pk


class SubscriptionInline(admin.TabularInline):
    model = Subscription
    fk_name = "user"
    fields = ("plan", "kind", "start", "last_day", "window_months", "reason", "granted_by")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


class SuspensionInline(SubscriptionInline):
    model = Suspension
    fields = ("reason", "started_at", "suspended_by", "lifted_at", "lifted_by")
    readonly_fields = fields


class ProfileInline(admin.StackedInline):
    """The display code, and the limit set from the signals dashboard: an admin may
    change it or lift it (clear its end) here."""

    model = MemberProfile
    fields = (
        "display_code",
        "limited_until",
        "limited_downloads_per_day",
        "limited_views_per_day",
        "limited_reason",
    )
    readonly_fields = ("display_code",)
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


admin.site.unregister(User)


LIFTED = _("%(name)s may read and download again; they are told so.")
# Links made by one click of the action: each is shown in full, so a few at a time.
RESET_LINKS_AT_ONCE = 10


@admin.register(User)
class MemberAdmin(UserAdmin):
    """Django's user admin, with the membership beside the account."""

    inlines = (ProfileInline, SubscriptionInline, SuspensionInline)
    list_display = ("username", "email", "membership", "is_staff", "date_joined", "last_login")
    actions = ("suspend", "unsuspend", "reset_link")

    @admin.display(description=_("membership"))
    def membership(self, user) -> str:
        access = entitlement_get(user).access
        if access.suspended:
            return _("suspended")
        if access.active:
            return _("member until %(day)s") % {"day": access.run_last_day}
        return _("free tier")

    @admin.action(description=_("Suspend the selected members"), permissions=("change",))
    def suspend(self, request: HttpRequest, queryset) -> None:
        for user in queryset:
            try:
                member_suspend(user=user, reason=str(_("suspended by an admin")), by=request.user)
            except InvalidInput as exc:
                messages.warning(request, exc.message)

    @admin.action(description=_("Make a one-time password link"), permissions=("change",))
    def reset_link(self, request: HttpRequest, queryset) -> None:
        """A link for each selected account, to pass on (WeChat, QQ) to a member who forgot
        their password; it works once, within three days."""
        for user in queryset[:RESET_LINKS_AT_ONCE]:
            link = password_reset_link(user, by=request.user)
            messages.info(
                request,
                _("Password link for %(name)s (works once, within three days): %(link)s")
                % {"name": user.get_username(), "link": link},
            )

    @admin.action(description=_("Lift the selected members' suspensions"), permissions=("change",))
    def unsuspend(self, request: HttpRequest, queryset) -> None:
        for user in queryset:
            try:
                member_unsuspend(user=user, by=request.user)
            except InvalidInput as exc:
                messages.warning(request, exc.message)
            else:
                messages.success(request, LIFTED % {"name": user.get_username()})
