"""Every page's menu asks for the user's permissions: the backend reads the user's own and
their groups' in one query, and answers as Django's own backend does."""

from __future__ import annotations

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission

from tests.conftest import account

pytestmark = pytest.mark.django_db


def _fresh(user):
    return type(user).objects.get(pk=user.pk)  # no permissions cached on it


def test_own_and_group_permissions_are_read_in_one_query(django_assert_num_queries):
    member = account("member")
    member.user_permissions.add(Permission.objects.get(codename="view_trace"))
    group = Group.objects.create(name="readers")
    group.permissions.add(Permission.objects.get(codename="add_trace"))
    member.groups.add(group)
    member = _fresh(member)
    with django_assert_num_queries(1):
        found = member.get_all_permissions()
    assert found == {"traces.view_trace", "traces.add_trace"}
    assert found == ModelBackend().get_all_permissions(_fresh(member))


@pytest.mark.parametrize("role", ["admin", "editor", "visitor"])
def test_each_role_has_the_permissions_djangos_backend_gives_it(role):
    user = account(role)
    assert _fresh(user).get_all_permissions() == ModelBackend().get_all_permissions(_fresh(user))


def test_an_inactive_user_has_none():
    editor = account("editor")
    editor.is_active = False
    editor.save()
    assert _fresh(editor).get_all_permissions() == set()
    assert not _fresh(editor).has_perm("library.add_material")
