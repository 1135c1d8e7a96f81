"""Warnings and errors reach the log with the id of the request they happened in."""

import logging

import pytest
from django.conf import settings
from django.urls import reverse

from tests.conftest import account, material_published

pytestmark = pytest.mark.django_db


def test_every_response_names_its_request_and_keeps_a_proxys_id(client):
    made = client.get("/")["X-Request-ID"]
    assert len(made) == 12
    assert client.get("/", HTTP_X_REQUEST_ID="edge-7f3a")["X-Request-ID"] == "edge-7f3a"
    assert client.get("/", HTTP_X_REQUEST_ID="bad id\n")["X-Request-ID"] != "bad id\n"


def test_a_refusal_is_logged_once_with_its_requests_id(client, caplog):
    from django.utils import timezone

    material = material_published(timezone.localdate())
    client.force_login(account("visitor"))
    with caplog.at_level(logging.WARNING):
        response = client.post(reverse("copies:download", args=[material.pk]), {"format": "txt"})
    refusals = [r for r in caplog.records if r.name.startswith("gaoku") and "refus" in r.message]
    assert len(refusals) == 1
    assert refusals[0].request_id == response["X-Request-ID"]


def test_the_server_logs_warnings_to_stderr_with_the_request_id(client, capsys):
    import logging.config

    logging.config.dictConfig(settings.LOGGING)  # as gaoku serve does, onto this stderr
    root = logging.getLogger()
    try:
        response = client.get("/no-such-page/")
        err = capsys.readouterr().err
    finally:
        for handler in [h for h in root.handlers if h.name == "stderr"]:
            root.removeHandler(handler)
    assert response.status_code == 404
    [line] = [line for line in err.splitlines() if "/no-such-page/" in line]
    assert "WARNING django.request" in line and f"[{response['X-Request-ID']}]" in line
