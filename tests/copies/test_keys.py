"""Without its fingerprint key, or with another one, the site shows and issues nothing marked."""

import pytest
from django.urls import reverse
from django.utils import timezone

from gaoku.copies.keys import FingerprintKeyError, fingerprint_key_ensure, fingerprint_secret
from gaoku.copies.models import Copy, FingerprintKey
from gaoku.copies.services import copy_issue
from tests.conftest import account, material_published, shows_text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def material():
    return material_published(timezone.localdate(), seed=31)


@pytest.fixture
def no_key(settings, tmp_path):
    settings.GAOKU_FINGERPRINT_KEY = ""
    settings.GAOKU_FINGERPRINT_KEY_FILE = tmp_path / "fingerprint_key"
    return settings


def test_the_first_use_records_the_key_and_another_key_is_then_refused(settings, material):
    fingerprint_secret()
    assert FingerprintKey.objects.count() == 1
    settings.GAOKU_FINGERPRINT_KEY = "someone-elses-key"
    with pytest.raises(FingerprintKeyError, match="不一致"):
        fingerprint_secret()
    with pytest.raises(FingerprintKeyError):
        copy_issue(user=account("member"), material=material, fmt="txt", address=None)
    assert not Copy.objects.exists()


def test_init_makes_a_key_only_for_a_library_that_never_had_one(no_key):
    assert fingerprint_key_ensure() is True
    key = no_key.GAOKU_FINGERPRINT_KEY_FILE.read_text()
    assert fingerprint_key_ensure() is False
    no_key.GAOKU_FINGERPRINT_KEY_FILE.unlink()
    with pytest.raises(FingerprintKeyError, match="不会新建"):
        fingerprint_key_ensure()
    assert not no_key.GAOKU_FINGERPRINT_KEY_FILE.exists()
    no_key.GAOKU_FINGERPRINT_KEY_FILE.write_text(key)
    assert fingerprint_key_ensure() is False


def test_without_the_key_members_get_the_preview_and_no_copy(client, no_key, material):
    member = account("member")
    client.force_login(member)
    page = client.get(reverse("library:reader", args=[material.pk])).content.decode()
    assert not shows_text_of(page, material)
    assert "全文暂时无法显示" in page
    api = client.get(f"/api/materials/{material.pk}")
    assert api.status_code == 503 and api.json()["error"]["code"] == "fingerprint_key"
    download = client.post(reverse("copies:download", args=[material.pk]), {"format": "txt"})
    assert download.status_code == 503 and "指纹密钥" in download.content.decode()
    assert not Copy.objects.exists()
