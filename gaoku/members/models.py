"""Plans, subscriptions, suspensions, member profiles and tier announcements.

The rule that turns these rows into access is in ``gaoku.core.entitlement``; the reads
that apply it are in ``gaoku.members.selectors``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

DEFAULT_WINDOW_MONTHS = 36
# Bounds that keep every date the rule computes inside the calendar.
MAX_DURATION_MONTHS = 120
MAX_WINDOW_MONTHS = 600


class Plan(models.Model):
    """What the operator sells: a duration and a back-catalogue window.

    A plan of zero months is the free tier: nothing to subscribe to, shown on the plans
    page for comparison.
    """

    slug = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=40, unique=True)
    price_label = models.CharField(_("price"), max_length=40, blank=True)
    duration_months = models.PositiveSmallIntegerField(
        _("duration (months)"), default=12, validators=[MaxValueValidator(MAX_DURATION_MONTHS)]
    )
    window_months = models.PositiveSmallIntegerField(
        _("back-catalogue window (months)"),
        default=DEFAULT_WINDOW_MONTHS,
        validators=[MaxValueValidator(MAX_WINDOW_MONTHS)],
        help_text=_(
            "A subscription starting on day S opens materials published from S "
            "minus this many months onward."
        ),
    )
    # The member's quotas; empty: the site's (GAOKU_QUOTA_*; gaoku.ops.ratelimit).
    downloads_per_hour = models.PositiveIntegerField(_("downloads per hour"), null=True, blank=True)
    downloads_per_day = models.PositiveIntegerField(_("downloads per day"), null=True, blank=True)
    views_per_hour = models.PositiveIntegerField(
        _("full-text readings per hour"), null=True, blank=True
    )
    views_per_day = models.PositiveIntegerField(
        _("full-text readings per day"), null=True, blank=True
    )
    # Devices signed in at once: a newer sign-in signs the oldest out (gaoku.accounts.devices).
    devices = models.PositiveSmallIntegerField(_("devices signed in at once"), default=2)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    public = models.BooleanField(_("shown on the plans page"), default=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self) -> str:
        return self.name

    @property
    def is_free(self) -> bool:
        return self.duration_months == 0


class Subscription(models.Model):
    """One term of access: bought, renewed or granted. Never deleted: a term entered by
    mistake is cancelled, and suspensions close access, so the history stays whole."""

    class Kind(models.TextChoices):
        PURCHASE = "purchase", _("Purchase")
        GIFT = "gift", _("Gift")
        PROMOTION = "promotion", _("Promotion")
        REWARD = "reward", _("Reward")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), null=True, blank=True, on_delete=models.PROTECT
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PURCHASE)
    start = models.DateField(_("first day"))
    last_day = models.DateField(_("last day"))
    # Copied from the plan when the term is created: editing a plan later changes
    # nothing that was already sold.
    window_months = models.PositiveSmallIntegerField(_("window (months)"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cancelled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["user", "start"]
        constraints = [
            models.CheckConstraint(
                condition=Q(last_day__gte=F("start")), name="subscription_ends_after_start"
            )
        ]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")

    def __str__(self) -> str:
        return f"{self.user} {self.start}–{self.last_day}"


class Suspension(models.Model):
    """Closes a member's access at once while it is not lifted; deletes nothing."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="suspensions",
    )
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    started_at = models.DateTimeField(_("suspended at"), default=timezone.now)
    suspended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("suspended by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lifted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("suspension")
        verbose_name_plural = _("suspensions")

    def __str__(self) -> str:
        return f"{self.user} {self.started_at:%Y-%m-%d}"


class MemberProfile(models.Model):
    """The short code printed on a member's copies, so that a notice names no one by
    their login."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_code = models.CharField(_("display code"), max_length=12, unique=True)
    # The member's last answers to the localisation form, by placeholder token (XX县 →
    # 清溪县) and "year": the next template's form starts from them.
    localise_answers = models.JSONField(_("localisation answers"), default=dict, blank=True)
    # A limit an admin set from the signals dashboard (gaoku.members.services.member_limit):
    # until ``limited_until``, at most these many downloads and full-text readings a day,
    # below the plan's quotas.
    limited_until = models.DateTimeField(_("limited until"), null=True, blank=True)
    limited_downloads_per_day = models.PositiveIntegerField(
        _("downloads per day while limited"), null=True, blank=True
    )
    limited_views_per_day = models.PositiveIntegerField(
        _("full-text readings per day while limited"), null=True, blank=True
    )
    limited_reason = models.CharField(_("why limited"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")

    def __str__(self) -> str:
        return self.display_code


class Announcement(models.Model):
    """A post to one tier's announcements page (免费群 or 会员群)."""

    class Tier(models.TextChoices):
        FREE = "free", _("Free group")
        MEMBERS = "members", _("Members' group")

    tier = models.CharField(_("tier"), max_length=10, choices=Tier.choices)
    title = models.CharField(_("title"), max_length=120)
    body = models.TextField(_("text"))
    published_at = models.DateTimeField(_("published"), default=timezone.now, db_index=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")

    def __str__(self) -> str:
        return self.title


class Favourite(models.Model):
    """A material a member keeps in their favourites list."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    material = models.ForeignKey("library.Material", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "material"], name="members_favourite_once")
        ]
        ordering = ["-created_at"]


class CodeBatch(models.Model):
    """Redeem codes made together for one plan, to be sold through a shop (卡密)."""

    name = models.CharField(_("batch"), max_length=60, unique=True)
    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="+", verbose_name=_("plan")
    )
    # Days instead of the plan's duration (a 30-day trial card), when set.
    days = models.PositiveIntegerField(_("days"), null=True, blank=True)
    price_label = models.CharField(_("price"), max_length=40, blank=True)
    expires_on = models.DateField(_("redeem by"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("code batch")
        verbose_name_plural = _("code batches")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name


class RedeemCode(models.Model):
    """One code, kept only as its SHA-256 (the code itself is shown once, when made)."""

    batch = models.ForeignKey(CodeBatch, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=64, unique=True)
    hint = models.CharField(_("ends with"), max_length=5)
    redeemed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("redeemed by"),
    )
    redeemed_at = models.DateTimeField(_("redeemed"), null=True, blank=True)
    subscription = models.ForeignKey(
        Subscription, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("redeem code")
        verbose_name_plural = _("redeem codes")
