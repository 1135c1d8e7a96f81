"""The data directory: where the SQLite database and the server secret live."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

SECRET_KEY_NAME = "secret_key"


def datadir_ensure(path: Path) -> Path:
    """Create the data directory and its secret key (readable by the owner only)."""
    path.mkdir(parents=True, exist_ok=True)
    key_file = path / SECRET_KEY_NAME
    if not key_file.exists():
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(50))
    return path
