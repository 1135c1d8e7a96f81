"""Sign-ins: failed ones, kept for a while to lock out password guessing, and the devices
signed in, so that an account cannot be shared by more of them than its plan allows."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class SignInFailure(models.Model):
    """One failed sign-in: the username tried (lowercased) and the client address."""

    username = models.CharField(max_length=150, db_index=True)
    address = models.GenericIPAddressField(null=True, db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)


class SignIn(models.Model):
    """One device signed in: its session, until it signs out or a newer sign-in replaces it."""

    class Ended(models.TextChoices):
        SIGNED_OUT = "signed_out"
        REPLACED = "replaced"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    session_key = models.CharField(max_length=40, db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=200, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended = models.CharField(max_length=10, choices=Ended.choices, blank=True)
    # Whether the replaced device was told why it was signed out.
    told = models.BooleanField(default=False)
