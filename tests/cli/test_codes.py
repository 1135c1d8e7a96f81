"""`gaoku codes create` and `gaoku redeem` as a shop's operator runs them; two processes
racing for one code: exactly one wins."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.cli.conftest import gaoku


def test_codes_create_then_a_race_for_one_code_has_exactly_one_winner(data, tmp_path):
    made = gaoku(
        data,
        "codes",
        "create",
        "--plan",
        "annual",
        "--count",
        "3",
        "--batch",
        "店铺-1",
        "--expires",
        "2099-12-31",
        "--json",
    )
    assert made.returncode == 0, made.stderr
    batch = json.loads(made.stdout)
    assert batch["batch"] == "店铺-1" and batch["plan"] == "annual" and len(batch["codes"]) == 3
    for name in ("buyer1", "buyer2"):
        assert gaoku(data, "member", "add", name).returncode == 0
    code = batch["codes"][0]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    racers = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gaoku",
                "redeem",
                code,
                "--member",
                name,
                "--data",
                str(data),
                "--json",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in ("buyer1", "buyer2")
    ]
    results = [(r.wait(timeout=120), *r.communicate()) for r in racers]
    assert sorted(rc for rc, _, _ in results) == [0, 1]
    winner = next(json.loads(out) for rc, out, _ in results if rc == 0)
    assert winner["active"] is True and winner["subscriptions"][0]["kind"] == "purchase"
    loser = next(err for rc, _, err in results if rc == 1)
    assert loser.count("\n") == 1 and "已经用过" in loser
    unknown = gaoku(data, "redeem", "nonsense", "--member", "buyer2", "--json")
    assert unknown.returncode == 1 and json.loads(unknown.stdout)["error"]["code"] == "code_unknown"
