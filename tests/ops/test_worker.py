"""`gaoku worker` as it runs: a separate process, killed midway, started again."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from gaoku.core.generator import generate_document
from tests.cli.conftest import gaoku

FILES = 40
SUBMIT = """
import sys
from pathlib import Path
from gaoku.cli.base import setup
setup(Path(sys.argv[1]))
from gaoku.ops.jobs import job_submit
from gaoku.ops.models import Job
files = [(p.name, open(p, "rb")) for p in sorted(Path(sys.argv[2]).iterdir())]
print(job_submit(kind=Job.Kind.IMPORT, by=None, params={"metadata": {}}, files=files).pk)
"""


def _sql(data: Path, query: str) -> list[tuple]:
    with sqlite3.connect(data / "gaoku.sqlite3", timeout=20) as db:
        return db.execute(query).fetchall()


def test_a_worker_killed_during_an_import_leaves_nothing_half_done(tmp_path):
    data = tmp_path / "data"
    assert gaoku(data, "init").returncode == 0
    folder = tmp_path / "in"
    folder.mkdir()
    for seed in range(FILES):
        (folder / f"{seed:03d}.txt").write_text(generate_document(seed).text, encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    submit = [sys.executable, "-c", SUBMIT, str(data), str(folder)]
    job = int(subprocess.run(submit, capture_output=True, text=True, env=env, check=True).stdout)

    worker = subprocess.Popen(
        [sys.executable, "-m", "gaoku", "worker", "--data", str(data)],
        env=env,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        done = _sql(data, f"select json_array_length(items) from ops_job where id={job}")[0][0]
        if done >= 3:
            break
        time.sleep(0.02)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    state, done = _sql(data, f"select state, json_array_length(items) from ops_job where id={job}")[
        0
    ]
    assert state == "running" and 3 <= done < FILES, (state, done)
    assert _sql(data, "select count(*) from library_material")[0][0] == done

    # The heartbeat stopped; once it is a minute old, a new worker takes the job up again.
    _sql(data, f"update ops_job set heartbeat = datetime('now', '-5 minutes') where id={job}")
    result = gaoku(data, "worker", "--once")
    assert result.returncode == 0, result.stderr
    state, done, attempts = _sql(
        data, f"select state, json_array_length(items), attempts from ops_job where id={job}"
    )[0]
    assert (state, done, attempts) == ("done", FILES, 2)
    assert _sql(data, "select count(*) from library_material")[0][0] == FILES
    hashes = _sql(data, "select content_hash from library_materialversion")
    assert len(hashes) == FILES == len(set(hashes))
    assert not (data / "uploads" / "jobs").exists() or not any(
        (data / "uploads" / "jobs").iterdir()
    )
