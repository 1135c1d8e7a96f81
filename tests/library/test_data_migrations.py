"""Data migrations that change what an existing library holds."""

import importlib

import pytest
from django.apps import apps

from gaoku.library.models import CleaningPattern

pytestmark = pytest.mark.django_db

members_group = importlib.import_module("gaoku.library.migrations.0017_members_group_rule_to_signs")


def test_the_seeded_members_group_rule_is_retired_unless_an_editor_changed_it():
    CleaningPattern.objects.filter(pattern=members_group.OLD_RULE).delete()
    CleaningPattern.objects.create(pattern=members_group.OLD_RULE, note="默认规则")
    members_group.retire(apps, None)
    assert not CleaningPattern.objects.filter(pattern=members_group.OLD_RULE).exists()
    # An editor who made the rule their own keeps it.
    CleaningPattern.objects.create(pattern=members_group.OLD_RULE, note="我们的会员群广告")
    members_group.retire(apps, None)
    assert CleaningPattern.objects.filter(pattern=members_group.OLD_RULE).exists()
