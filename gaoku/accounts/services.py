"""Account services: roles and the accounts that `gaoku init` and `gaoku demo` create."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group, Permission
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from gaoku.accounts.roles import EDITORS, ROLE_PERMISSIONS
from gaoku.ops.audit import audit_record

ROLES = ("admin", "editor", "visitor")


@transaction.atomic
def roles_sync() -> None:
    """Create the role groups and give them exactly their permissions."""
    for name, perms in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            wanted.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(wanted)


@transaction.atomic
def account_ensure(*, username: str, password: str, role: str) -> AbstractUser:
    """Create the account, or reset its password and role if it exists.

    ``role`` is one of ``ROLES``: admin (superuser), editor (staff in the editors group)
    or visitor (no group; a member is a visitor with a subscription, see gaoku.members).
    """
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}")
    user, _ = get_user_model().objects.get_or_create(username=username)
    user.set_password(password)
    user.is_superuser = user.is_staff = role == "admin"
    if role == "editor":
        user.is_staff = True
    user.save()
    roles_sync()
    groups = {"editor": [EDITORS]}.get(role, [])
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


def password_reset_link(user: AbstractUser, *, by: AbstractUser | str | None) -> str:
    """A one-time link, at the site's address (GAOKU_SITE_URL), for ``user`` to choose a
    new password.

    Django's token generator signs the user's current password hash and last sign-in, so
    the link stops working once it has been used (or the password changed another way),
    and after PASSWORD_RESET_TIMEOUT. Every link made is recorded in the audit log.
    """
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    audit_record("account.reset_link", actor=by, object=f"account:{user.get_username()}")
    path = reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return settings.GAOKU_SITE_URL.rstrip("/") + path
