"""The data directory: private to the account that runs the server."""

import os
import stat

from gaoku.site.datadir import datadir_ensure


def test_the_data_directory_and_everything_in_it_are_private(tmp_path):
    data = tmp_path / "data"
    (data / "search-index").mkdir(parents=True)
    (data / "db.sqlite3").write_text("x")
    os.chmod(data / "db.sqlite3", 0o644)
    os.chmod(data / "search-index", 0o755)
    previous = os.umask(0o022)
    try:
        datadir_ensure(data)
        (data / "db.sqlite3-wal").write_text("written later")
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in [data, *data.iterdir()]}
    finally:
        os.umask(previous)
    assert modes["data"] == modes["search-index"] == 0o700
    assert modes["db.sqlite3"] == modes["db.sqlite3-wal"] == modes["secret_key"] == 0o600
