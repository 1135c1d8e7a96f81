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


def test_sightings_are_counted_again_with_sentences(monkeypatch):
    from gaoku.core.generator import generate_document
    from gaoku.library.migrations._reread import sightings_reread
    from gaoku.library.models import LineSighting
    from gaoku.library.services import material_import

    notice = "本机不收取现金，缴费请使用医保电子凭证、就诊卡或扫码支付。"
    lines = generate_document(3, doc_type="讲话稿").text.split("\n")
    text = "\n".join([*lines[:4], notice, *lines[4:]])
    material = material_import(data=text.encode(), name="3.txt").version.material
    LineSighting.objects.all().delete()
    # The judge leans to wrapper on every line: each sentence of 60 characters or fewer
    # is learnable.
    monkeypatch.setattr("gaoku.core.cleaning._scores", lambda lines: [1.0] * len(lines))
    sightings_reread(apps, None)
    shapes = set(LineSighting.objects.filter(material=material).values_list("shape", flat=True))
    assert notice in shapes
