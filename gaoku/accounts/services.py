"""Account services: roles and the accounts that `gaoku init` and `gaoku demo` create."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group, Permission
from django.db import transaction

from gaoku.accounts.roles import ROLE_PERMISSIONS

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
    groups = {"editor": ["editors"]}.get(role, [])
    user.groups.set(Group.objects.filter(name__in=groups))
    return user
