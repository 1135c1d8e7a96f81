"""Registration and a forgotten password; sign-in and sign-out are Django's views with
the lockout form."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters

from gaoku.accounts.forms import RegisterForm, ResetByMailForm
from gaoku.members.services import MEMBER_EXISTS, profile_ensure
from gaoku.members.views import code_redeem_message


@sensitive_post_parameters("password1", "password2")
def register(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("members:account")
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                user = form.save()
        except IntegrityError:  # the same name registered at the same moment
            form.add_error("username", MEMBER_EXISTS.format(username=form.cleaned_data["username"]))
        else:
            profile_ensure(user)
            login(request, user, backend="gaoku.accounts.lockout.LockoutBackend")
            messages.success(
                request, _("Welcome, %(name)s: your account is ready.") % {"name": user.username}
            )
            if form.cleaned_data["code"].strip():
                # The account is made first: a wrong code is then told on the account
                # page, where it can be typed again, and counted against guessing.
                code_redeem_message(request, form.cleaned_data["code"])
            return redirect("members:account")
    return render(request, "registration/register.html", {"form": form})


def password_forgot(request: HttpRequest) -> HttpResponse:
    """A forgotten password: a link by email where the operator set up a mail server;
    otherwise how to ask the operator for one (admins make it: the member admin's action
    or ``gaoku member reset-link``)."""
    if not settings.GAOKU_MAIL:
        return render(request, "registration/password_reset_form.html", {"by_mail": False})
    return auth_views.PasswordResetView.as_view(
        form_class=ResetByMailForm,
        email_template_name="registration/password_reset_email.txt",
        subject_template_name="registration/password_reset_subject.txt",
        extra_context={"by_mail": True},
        # Links point at the site's configured address, never at a Host header a
        # stranger sent.
        extra_email_context={"site_url": settings.GAOKU_SITE_URL.rstrip("/")},
    )(request)
