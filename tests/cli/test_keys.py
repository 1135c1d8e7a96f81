"""The fingerprint key: made by `gaoku init` alone, and never lost or replaced in silence."""

from __future__ import annotations

import json
import shutil

from tests.cli.conftest import gaoku, imported


def test_a_lost_or_replaced_key_stops_copies_and_traces_and_init_does_not_remake_it(
    tmp_path_factory, tmp_path
):
    data = tmp_path_factory.mktemp("keys") / "data"
    assert gaoku(data, "init", "--json").returncode == 0
    key = data / "fingerprint_key"
    assert key.stat().st_mode & 0o077 == 0
    material = imported(data, tmp_path, 3)
    assert gaoku(data, "member", "add", "li", "--plan", "annual", "--json").returncode == 0
    first = tmp_path / "first.txt"
    copied = gaoku(data, "copy", str(material), "--member", "li", "--format", "txt", "-o", first)
    assert copied.returncode == 0, copied.stderr

    saved = tmp_path / "saved_key"
    shutil.copy(key, saved)
    key.unlink()
    for args in (
        ("copy", str(material), "--member", "li", "--format", "txt", "-o", str(tmp_path / "x")),
        ("trace", str(first)),
        ("init",),
    ):
        result = gaoku(data, *args)
        assert result.returncode == 1
        assert "指纹密钥" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not key.exists() and not (tmp_path / "x").exists()

    key.write_text("a-new-key-made-by-someone-else")
    result = gaoku(data, "trace", str(first))
    assert result.returncode == 1 and "不一致" in result.stderr

    shutil.copy(saved, key)
    traced = gaoku(data, "trace", str(first), "--json")
    assert traced.returncode == 0, traced.stderr
    assert [c["member"] for c in json.loads(traced.stdout)["layers"]["invisible"]["copies"]] == [
        "li"
    ]


def test_serve_never_lets_uvicorn_believe_forwarded_addresses(monkeypatch):
    import uvicorn

    from gaoku.cli.site import _serve

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: seen.update(options))
    _serve("127.0.0.1", 8000, 1)
    assert seen["proxy_headers"] is False
