"""`gaoku backup` and `gaoku restore`: a round trip made under write load and verified by
tracing a leaked copy from the restored library, and archives that must be refused
leaving nothing behind. Each runs the real `gaoku` command on its own data directory; on
PostgreSQL (DATABASE_URL) the round trip also runs between two fresh databases."""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from gaoku.core.generator import generate_document

# Runs beside `gaoku backup`: imports a material and issues a copy, again and again, each
# committed write reported with a line on stdout, until the stop file appears.
WRITER = """
import datetime, sys
from pathlib import Path
import django
django.setup()
from gaoku.copies.services import copy_issue
from gaoku.core.generator import generate_document
from gaoku.library.selectors import material_get
from gaoku.library.services import ImportMetadata, material_import
from gaoku.members.selectors import member_get
stop, material, seed = Path(sys.argv[1]), int(sys.argv[2]), 5000
member = member_get("sun")
while not stop.exists():
    seed += 1
    text = generate_document(seed).text.encode()
    day = ImportMetadata(published=datetime.date.today())
    material_import(data=text, name=f"{seed}.txt", metadata=day, on_similar="new")
    copy_issue(user=member, material=material_get(material), fmt="txt", address=None,
               channel="cli")
    print(seed, flush=True)
"""


def gaoku(data: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The `gaoku` command on ``data``, with these environment variables (DATABASE_URL…)."""
    return subprocess.run(
        [sys.executable, "-m", "gaoku", *args, "--data", str(data)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(data.parent), **(env or {})},
        timeout=300,
    )


def on(database: str | None) -> dict[str, str]:
    """The environment of a library on SQLite (None) or on a PostgreSQL database."""
    return {"DATABASE_URL": database} if database else {}


def library(data: Path, tmp_path: Path, *, env: dict[str, str] | None = None) -> tuple[int, Path]:
    """A library with one material, members qian and sun, and a DOCX copy qian leaked."""
    assert gaoku(data, "init", "--json", env=env).returncode == 0
    source = tmp_path / "303.txt"
    source.write_text(generate_document(303).text, encoding="utf-8")
    published = datetime.date.today().isoformat()
    imported = gaoku(data, "import", str(source), "--published", published, "--json", env=env)
    assert imported.returncode == 0, imported.stderr
    material = json.loads(imported.stdout)["imported"][0]["material"]
    for name in ("qian", "sun"):
        added = gaoku(data, "member", "add", name, "--plan", "annual", env=env)
        assert added.returncode == 0, added.stderr
    leak = tmp_path / "leak.docx"
    args = ("copy", str(material), "--member", "qian", "--format", "docx", "-o", str(leak))
    copied = gaoku(data, *args, env=env)
    assert copied.returncode == 0, copied.stderr
    return material, leak


@pytest.fixture(params=["sqlite", "postgresql"])
def databases(request):
    """No database URLs on SQLite; on PostgreSQL, two fresh databases on the server that
    DATABASE_URL names: the library's and the one it is restored into."""
    if request.param == "sqlite":
        yield None, None
        return
    server = os.environ.get("DATABASE_URL", "")
    if not server.startswith(("postgres://", "postgresql://")):
        pytest.skip("the PostgreSQL round trip needs DATABASE_URL to name a PostgreSQL server")
    import psycopg

    names = [f"gaoku_backup_{uuid.uuid4().hex[:12]}_{side}" for side in ("source", "target")]
    parts = urlsplit(server)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield tuple(urlunsplit(parts._replace(path=f"/{name}")) for name in names)
        finally:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_under_write_load_restores_elsewhere_and_traces_the_leak_to_its_member(
    tmp_path, databases
):
    source, target = databases
    data = tmp_path / "data"
    material, leak = library(data, tmp_path, env=on(source))

    stop = tmp_path / "stop"
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(stop), str(material)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={
            "PATH": "/usr/bin:/bin",
            **on(source),
            "GAOKU_DATA": str(data),
            "DJANGO_SETTINGS_MODULE": "gaoku.site.settings",
        },
    )
    archive = tmp_path / "backups" / "gaoku.tar.gz"
    archive.parent.mkdir()
    try:
        assert writer.stdout.readline(), writer.stderr.read()  # writing before the backup
        made = gaoku(data, "backup", str(archive), "--json", env=on(source))
        assert writer.stdout.readline(), writer.stderr.read()  # and still after it
    finally:
        stop.touch()
        writer.wait(timeout=120)
    assert writer.returncode == 0, writer.stderr.read()

    assert made.returncode == 0, made.stderr
    assert made.stderr == ""
    out = json.loads(made.stdout)
    assert out == {
        "path": str(archive),
        "bytes": archive.stat().st_size,
        "sha256": hashlib.sha256(archive.read_bytes()).hexdigest(),
        "created": out["created"],
    }
    assert datetime.datetime.fromisoformat(out["created"]).tzinfo is not None
    assert archive.stat().st_mode & 0o777 == 0o600
    assert list(archive.parent.iterdir()) == [archive]  # no draft or snapshot left
    manifest = _manifest(archive)
    engine = "sqlite" if source is None else "postgresql"
    dump = {"sqlite": "database/gaoku.sqlite3", "postgresql": "database/gaoku.pgdump"}[engine]
    assert (manifest["format"], manifest["version"], manifest["engine"]) == (
        "gaoku-backup",
        1,
        engine,
    )
    assert [f["path"] for f in manifest["files"]] == [
        "keys/secret_key",
        "keys/fingerprint_key",
        dump,
    ]
    counts = manifest["counts"]
    # One material and copy of our own, and at least one of the writer's before the backup.
    assert counts["members"] == 2 and counts["materials"] >= 2 and counts["copies"] >= 2

    restored = tmp_path / "restored"
    result = gaoku(restored, "restore", str(archive), "--json", env=on(target))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no warning: the restored key is the recorded one
    assert json.loads(result.stdout) == {"restored": str(restored), **counts}
    assert (restored / "fingerprint_key").read_text() == (data / "fingerprint_key").read_text()
    assert (restored / "secret_key").read_text() == (data / "secret_key").read_text()
    assert restored.stat().st_mode & 0o077 == 0 and not list(restored.glob(".restore-*"))

    traced = gaoku(restored, "trace", str(leak), "--json", env=on(target))
    assert traced.returncode == 0, traced.stderr
    assert [a["member"] for a in json.loads(traced.stdout)["accused"]] == ["qian"]
    # The search index was rebuilt: the material is found by its title.
    title = generate_document(303).text.split("\n")[0]
    found = gaoku(restored, "search", title, "--json", env=on(target))
    assert material in [r["material"] for r in json.loads(found.stdout)["results"]]

    if target is not None:
        again = gaoku(tmp_path / "empty", "restore", str(archive), "--json", env=on(target))
        said = refusal(again, "restore_refused")
        assert "数据库" in said and "不是空的" in said and "--force" in said
        assert not (tmp_path / "empty").exists()


def test_the_key_in_use_is_saved_and_a_restore_says_when_another_overrides_it(tmp_path):
    """A library whose fingerprint key comes from GAOKU_FINGERPRINT_KEY, not from a file:
    the backup holds that key, and the restored data directory traces without it."""
    data = tmp_path / "data"
    _, leak = library(data, tmp_path, env={"GAOKU_FINGERPRINT_KEY": "the-key-in-use"})
    assert not (data / "fingerprint_key").exists()
    archive = tmp_path / "gaoku.tar.gz"
    made = gaoku(data, "backup", str(archive), env={"GAOKU_FINGERPRINT_KEY": "the-key-in-use"})
    assert made.returncode == 0 and made.stderr == "", made.stderr

    restored = tmp_path / "restored"
    result = gaoku(restored, "restore", str(archive))
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert (restored / "fingerprint_key").read_text() == "the-key-in-use"
    traced = gaoku(restored, "trace", str(leak), "--json")
    assert [a["member"] for a in json.loads(traced.stdout)["accused"]] == ["qian"]

    other = gaoku(tmp_path / "other", "restore", str(archive), env={"GAOKU_FINGERPRINT_KEY": "x"})
    assert other.returncode == 0
    assert "警告" in other.stderr and "指纹密钥与数据库记录的不一致" in other.stderr
    assert "GAOKU_FINGERPRINT_KEY" in other.stderr


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """A backup of a small SQLite library, with one stored upload."""
    folder = tmp_path_factory.mktemp("archive")
    data = folder / "data"
    library(data, folder)
    (data / "uploads" / "jobs" / "a1").mkdir(parents=True)
    (data / "uploads" / "jobs" / "a1" / "0000").write_bytes(b"%PDF-1.7 scanned")
    made = gaoku(data, "backup", str(folder / "gaoku.tar.gz"))
    assert made.returncode == 0, made.stderr
    return folder / "gaoku.tar.gz"


def test_restore_refuses_a_data_directory_in_use_without_force(archive, tmp_path):
    target = tmp_path / "in-use"
    target.mkdir()
    (target / "notes.txt").write_text("an operator's file")
    said = refusal(gaoku(target, "restore", str(archive), "--json"), "restore_refused")
    assert "数据目录" in said and "不是空的" in said and "--force" in said
    assert [p.name for p in target.iterdir()] == ["notes.txt"]

    forced = gaoku(target, "restore", str(archive), "--force", "--json")
    assert forced.returncode == 0, forced.stderr
    assert json.loads(forced.stdout) == {
        "restored": str(target),
        "materials": 1,
        "members": 2,
        "copies": 1,
    }
    assert (target / "uploads" / "jobs" / "a1" / "0000").read_bytes() == b"%PDF-1.7 scanned"
    assert (target / "notes.txt").exists()


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        ("altered", "校验和与清单不符"),
        ("truncated", "不完整"),
        ("not an archive", "不是完好的稿库备份"),
        ("no manifest", "不是稿库备份"),
        ("member not listed", "清单之外"),
    ],
)
def test_a_damaged_archive_is_refused_and_nothing_is_written(archive, tmp_path, damage, said):
    broken = tmp_path / "broken.tar.gz"
    members = _members(archive)
    if damage == "altered":
        members = [(i, b"Z" + d[1:] if i.name.startswith("database/") else d) for i, d in members]
        _pack(broken, members)
    elif damage == "truncated":
        broken.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    elif damage == "not an archive":
        broken.write_bytes(b"PK\x03\x04 not a backup")
    elif damage == "no manifest":
        _pack(broken, [(i, d) for i, d in members if i.name != "manifest.json"])
    else:
        _pack(broken, [(tarfile.TarInfo("uploads/extra"), b"x"), *members])
    for target in (tmp_path / "missing", tmp_path / "empty"):
        if target.name == "empty":
            target.mkdir()
        message = refusal(gaoku(target, "restore", str(broken), "--json"), "backup_invalid")
        assert said in message and "未写入任何数据" in message
        assert not target.exists() if target.name == "missing" else not list(target.iterdir())


@pytest.mark.parametrize(
    "name", ["uploads/../../evil.txt", "../evil.txt", "/tmp/evil.txt", "uploads/link"]
)
def test_a_member_outside_the_data_directory_is_refused(archive, tmp_path, name):
    """The hostile member is listed in the manifest with its right checksum: only its
    name (or, for the link, its type) gives it away."""
    content = b"planted"
    hostile = tarfile.TarInfo(name)
    if name == "uploads/link":
        hostile.type, hostile.linkname = tarfile.SYMTYPE, str(tmp_path / "evil.txt")
    else:
        hostile.size = len(content)
    members = _members(archive)
    *files, (info, raw) = members
    manifest = json.loads(raw)
    manifest["files"].append(
        {"path": name, "bytes": len(content), "sha256": hashlib.sha256(content).hexdigest()}
    )
    broken = tmp_path / "hostile.tar.gz"
    _pack(broken, [*files, (hostile, content), (info, json.dumps(manifest).encode())])

    target = tmp_path / "nested" / "data"
    said = refusal(gaoku(target, "restore", str(broken), "--force", "--json"), "backup_invalid")
    assert "不安全的条目" in said and name in said
    assert not (tmp_path / "nested").exists()
    assert not list(tmp_path.rglob("evil.txt"))


def refusal(result: subprocess.CompletedProcess, code: str) -> str:
    """The message of a command that failed as the contract says: exit 1, one line on
    stderr, and with --json the error document on stdout."""
    assert result.returncode == 1, result.stderr
    assert result.stderr.startswith("gaoku: ") and result.stderr.count("\n") == 1
    message = result.stderr.removeprefix("gaoku: ").rstrip("\n")
    assert json.loads(result.stdout) == {"error": {"code": code, "message": message}}
    return message


def _manifest(archive: Path) -> dict:
    with tarfile.open(archive) as tar:
        return json.load(tar.extractfile("manifest.json"))


def _members(archive: Path) -> list[tuple[tarfile.TarInfo, bytes]]:
    with tarfile.open(archive) as tar:
        return [(info, tar.extractfile(info).read()) for info in tar.getmembers()]


def _pack(target: Path, members: list[tuple[tarfile.TarInfo, bytes]]) -> None:
    with tarfile.open(target, "w:gz") as tar:
        for info, data in members:
            if info.isreg():
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
            else:
                tar.addfile(info)


def test_backups_and_restores_are_in_the_audit_log(archive, tmp_path):
    target = tmp_path / "audited"
    assert gaoku(target, "restore", str(archive)).returncode == 0
    log = gaoku(target, "audit", "--json")
    assert log.returncode == 0, log.stderr
    entries = json.loads(log.stdout)["entries"]
    # The backup's own entry is written after its snapshot: it is in the source's log.
    source = json.loads(gaoku(archive.parent / "data", "audit", "--json").stdout)["entries"]
    assert source[-1]["action"] == "backup.create"
    assert "backup.restore" in {e["action"] for e in entries}
    for entry in entries:
        assert set(entry) == {"at", "actor", "action", "object", "detail"}
    restore = [e for e in entries if e["action"] == "backup.restore"][-1]
    assert restore["detail"]["from"].startswith("cli:")
    later = gaoku(target, "audit", "--since", "2999-01-01", "--json")
    assert json.loads(later.stdout) == {"entries": []}
    bad = gaoku(target, "audit", "--since", "yesterday", "--json")
    assert bad.returncode == 1 and json.loads(bad.stdout)["error"]["code"] == "invalid_input"
