"""The data directory: where the SQLite database and the server secret live."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

SECRET_KEY_NAME = "secret_key"
# The key of every copy's fingerprint: losing or changing it makes issued copies untraceable.
FINGERPRINT_KEY_NAME = "fingerprint_key"


def datadir_ensure(path: Path) -> Path:
    """Create the data directory and its web secret key, all readable by the owner only.

    The database, its journal, the search index (every sentence of the library) and the
    keys are private: the directory is 0700, what is in it 0600, and the process's umask
    keeps what it writes later so. The fingerprint key is not made here: only `gaoku init`
    makes it, once it has checked that the library never had one (gaoku.copies.keys).
    """
    os.umask(0o077)
    path.mkdir(parents=True, exist_ok=True)
    for folder, _subfolders, files in os.walk(path):
        os.chmod(folder, 0o700)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o600)
    key_file_ensure(path / SECRET_KEY_NAME)
    return path


def key_file_ensure(key_file: Path) -> str:
    """The key in ``key_file``, written first when there is none.

    The key is written to a private file and linked into place, so that two processes
    starting together agree on one key and never read a half-written one.
    """
    if not key_file.exists():
        draft = key_file.with_name(f".{key_file.name}.{os.getpid()}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_urlsafe(50))
        try:
            os.link(draft, key_file)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return key_file.read_text().strip()
