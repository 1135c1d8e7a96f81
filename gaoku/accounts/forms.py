"""Sign-in, registration and password-reset forms."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, UserCreationForm
from django.utils.translation import gettext_lazy as _

from gaoku.accounts.lockout import LOCKED_OUT, client_address, signin_locked
from gaoku.ops.ratelimit import rate_spend, rate_used


class LockoutMessageMixin:
    """Says "locked, try later" instead of "wrong password" when the backend refused
    because of the lockout."""

    def get_invalid_login_error(self):
        username = self.cleaned_data.get("username") or ""
        if signin_locked(username=username, address=client_address(self.request)):
            return forms.ValidationError(
                LOCKED_OUT.format(minutes=settings.GAOKU_SIGNIN_LOCK_MINUTES), code="locked"
            )
        return super().get_invalid_login_error()


class SignInForm(LockoutMessageMixin, AuthenticationForm):
    pass


class AdminSignInForm(LockoutMessageMixin, AdminAuthenticationForm):
    pass


class RegisterForm(UserCreationForm):
    email = forms.EmailField(label=_("Email (optional)"), required=False)
    code = forms.CharField(
        label=_("Redeem code (optional)"),
        required=False,
        max_length=40,
        help_text=_(
            "Bought a membership in a shop? Enter its code to register and redeem at once."
        ),
    )

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "email")


class ResetByMailForm(PasswordResetForm):
    """Django's reset form, with at most MAILS_PER_HOUR mails an hour to one account: the
    form answers the same whether or not the address is known, so it cannot be used to
    test addresses, and it must not be usable to flood someone's inbox either."""

    MAILS_PER_HOUR = 3

    def get_users(self, email: str):
        for user in super().get_users(email):
            if rate_used(user, "reset_mail") < self.MAILS_PER_HOUR:
                rate_spend(user, "reset_mail")
                yield user
