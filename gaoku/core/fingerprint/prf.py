"""The keyed pseudo-random function behind every fingerprint choice.

BLAKE2b in its keyed mode is a PRF (RFC 7693): without the server secret its outputs
cannot be predicted, which is what keeps members' wordings independent of any leaked copy
and the invisible marks unforgeable.
"""

from __future__ import annotations

import hashlib


def prf(secret: bytes, *parts: object, size: int = 8) -> bytes:
    """``size`` pseudo-random bytes for ``parts``, keyed by ``secret`` (up to 64 bytes used)."""
    message = "\x1f".join(str(part) for part in parts).encode()
    return hashlib.blake2b(message, key=secret[:64], digest_size=size).digest()
