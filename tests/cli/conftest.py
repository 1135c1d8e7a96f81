"""The `gaoku` command, run as a user runs it: a subprocess on its own data directory."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys
from pathlib import Path

import pytest

from gaoku.core.generator import generate_document


def gaoku(data: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "gaoku", *args, "--data", str(data)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(data.parent), **(env or {})},
        timeout=300,
    )


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    data = tmp_path_factory.mktemp("cli") / "data"
    result = gaoku(data, "init", "--json")
    assert result.returncode == 0, result.stderr
    init = json.loads(result.stdout)
    assert init["data"] == str(data)
    assert init["admin"]["username"] == "admin"
    assert len(init["admin"]["password"]) >= 12
    assert (data / "secret_key").stat().st_mode & 0o077 == 0
    return data


def imported(data, tmp_path, seed: int) -> int:
    path = tmp_path / f"{seed}.txt"
    path.write_text(generate_document(seed).text, encoding="utf-8")
    published = datetime.date.today().isoformat()
    result = gaoku(data, "import", str(path), "--published", published, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["imported"][0]["material"]
