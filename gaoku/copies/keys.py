"""The fingerprint key: every copy's marks and wordings are keyed by it.

Only ``gaoku init`` creates the key (in ``GAOKU_DATA/fingerprint_key``, unless
``GAOKU_FINGERPRINT_KEY`` names one), and it records a digest of it in the database.
Copies, reading copies and traces then refuse, with a message saying what to do, when the
key is missing or is not the one recorded: a new key would issue copies that cannot be
told from strangers' and make every copy issued before untraceable, with nothing to say so.
"""

from __future__ import annotations

import hashlib

from django.conf import settings

from gaoku.copies.models import Copy, FingerprintKey
from gaoku.errors import GaokuError
from gaoku.ops.audit import audit_record
from gaoku.site.datadir import key_file_ensure

KEY_MISSING = (
    "指纹密钥缺失（数据目录的 fingerprint_key）：不能发出、显示或追查带指纹的副本。"
    "请从备份恢复这个文件，或用 GAOKU_FINGERPRINT_KEY 给出原来的密钥；"
    "新建密钥会让已发出的副本无法追查。"
)
KEY_CHANGED = (
    "指纹密钥与数据库记录的不一致：已发出的副本是用另一个密钥做的。"
    "请恢复原来的密钥（数据目录的 fingerprint_key，或 GAOKU_FINGERPRINT_KEY）。"
)
KEY_LOST = (
    "数据库里已有副本或密钥记录，但指纹密钥缺失（{path}）。gaoku init 不会新建密钥："
    "请先从备份恢复原来的密钥。"
)


class FingerprintKeyError(GaokuError):
    """The fingerprint key is missing, or is not the one the copies were made with."""

    code = "fingerprint_key"
    # The server's set-up is at fault, not the request.
    status = 503


def fingerprint_secret() -> bytes:
    """The secret every fingerprint is keyed with, once the key is checked.

    Raises:
        FingerprintKeyError: no key, or not the recorded one.
    """
    key = key_read()
    if not key:
        raise FingerprintKeyError(KEY_MISSING)
    recorded = FingerprintKey.objects.values_list("digest", flat=True).first()
    if recorded is None and Copy.objects.exists():
        # Copies made before any record: only `gaoku init` may vouch for the key.
        raise FingerprintKeyError(KEY_CHANGED)
    if (recorded or _record(key)) != key_digest(key):
        raise FingerprintKeyError(KEY_CHANGED)
    return hashlib.sha256(key.encode()).digest()


def fingerprint_key_ensure() -> bool:
    """Create the key if this library has never had one, and record its digest.

    Returns whether a key was created. Run by ``gaoku init`` only.

    Raises:
        FingerprintKeyError: the key is missing although copies or a record exist, or it
            differs from the recorded one.
    """
    key = key_read()
    recorded = FingerprintKey.objects.values_list("digest", flat=True).first()
    created = False
    if not key:
        if recorded is not None or Copy.objects.exists():
            raise FingerprintKeyError(KEY_LOST.format(path=_path()))
        key = key_file_ensure(settings.GAOKU_FINGERPRINT_KEY_FILE)
        created = True
    if (recorded or _record(key)) != key_digest(key):
        raise FingerprintKeyError(KEY_CHANGED)
    if recorded is None:
        audit_record(
            "key.create" if created else "key.record",
            actor=None,
            object="fingerprint_key",
            detail={"digest": key_digest(key)[:16]},
        )
    return created


def key_digest(key: str) -> str:
    """A digest that tells keys apart and reveals nothing of them."""
    return hashlib.sha256(b"gaoku fingerprint key\0" + key.encode()).hexdigest()


def key_read() -> str:
    if settings.GAOKU_FINGERPRINT_KEY:
        return settings.GAOKU_FINGERPRINT_KEY
    path = settings.GAOKU_FINGERPRINT_KEY_FILE
    return path.read_text().strip() if path.is_file() else ""


def _record(key: str) -> str:
    """Record ``key`` unless another process recorded one first; the digest recorded."""
    record, _ = FingerprintKey.objects.get_or_create(pk=1, defaults={"digest": key_digest(key)})
    return record.digest


def _path() -> str:
    return str(settings.GAOKU_FINGERPRINT_KEY_FILE)
