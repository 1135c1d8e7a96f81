"""`gaoku webhook add` as a user runs it."""

from __future__ import annotations

import json

from tests.cli.conftest import gaoku


def test_webhook_add_prints_its_id_and_refuses_what_cannot_work(data):
    added = gaoku(
        data,
        "webhook",
        "add",
        "https://oapi.dingtalk.com/robot/send?access_token=x",
        "--kind",
        "dingtalk",
        "--secret",
        "SECabc",
        "--topic",
        "机关党建",
        "--json",
    )
    assert added.returncode == 0, added.stderr
    assert isinstance(json.loads(added.stdout)["webhook"], int)
    standard = gaoku(
        data, "webhook", "add", "https://hooks.example.org/gaoku", "--kind", "standard"
    )
    assert standard.returncode == 0 and "whsec_" in standard.stdout
    no_group = gaoku(data, "webhook", "add", "http://127.0.0.1:5700", "--kind", "onebot", "--json")
    assert no_group.returncode == 1 and no_group.stderr.count("\n") == 1
    assert json.loads(no_group.stdout)["error"]["code"] == "invalid_input"
