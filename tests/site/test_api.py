"""The JSON API applies the same rule as the reader page, with one error envelope."""

from datetime import date

import pytest
from django.utils import timezone

from gaoku.members.services import announcement_post, member_suspend
from tests.conftest import account, material_published, reading_copy_shown

pytestmark = pytest.mark.django_db


@pytest.fixture
def recent():
    return material_published(timezone.localdate(), seed=3)


@pytest.fixture
def old():
    return material_published(date(2012, 5, 1), seed=4)


def test_visitor_gets_outline_and_preview(client, recent):
    data = client.get(f"/api/materials/{recent.pk}").json()
    assert data["full"] is False and data["readable"] is False
    assert len(data["text"]) <= 300 and recent.current.text.startswith(data["text"])
    assert data["outline"] == recent.current.outline
    assert data["title"] == recent.title


def test_member_reads_within_the_window_only(client, recent, old):
    member = account("member")
    client.force_login(member)
    data = client.get(f"/api/materials/{recent.pk}").json()
    assert data["full"] is True and reading_copy_shown(data["text"], recent, member)
    data = client.get(f"/api/materials/{old.pk}").json()
    assert data["full"] is False and data["text"] != old.current.text
    listed = {
        m["material"]: m["readable"] for m in client.get("/api/materials/").json()["materials"]
    }
    assert listed == {recent.pk: True, old.pk: False}


def test_suspended_member_gets_the_preview(client, recent):
    member = account("member")
    client.force_login(member)
    member_suspend(user=member)
    assert client.get(f"/api/materials/{recent.pk}").json()["full"] is False
    assert client.get("/api/me").json()["suspended"] is True


def test_catalogue_pages(client, recent, old):
    page = client.get("/api/materials/", {"limit": 1, "offset": 1}).json()
    assert page["total"] == 2 and len(page["materials"]) == 1
    assert "text" not in page["materials"][0]


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/materials/424242", 404, "not_found"),
        ("/api/materials/abc", 422, "invalid"),
        ("/api/materials/{pk}?version=9", 404, "not_found"),
        ("/api/materials/{pk}?version=-1", 404, "not_found"),
        ("/api/me", 401, "unauthenticated"),
        ("/api/announcements/999", 404, "not_found"),
    ],
)
def test_errors_share_one_envelope(client, recent, path, status, code):
    response = client.get(path.format(pk=recent.pk))
    assert response.status_code == status
    body = response.json()
    assert list(body) == ["error"] and body["error"]["code"] == code
    assert body["error"]["message"]


def test_me(client):
    member = account("member")
    client.force_login(member)
    data = client.get("/api/me").json()
    assert data["member"] == "member" and data["active"] is True
    assert data["plan"] == "annual" and data["display_code"] == member.profile.display_code


def test_announcements_by_tier(client):
    announcement_post(tier="free", title="欢迎", body="免费群")
    secret = announcement_post(tier="members", title="会员通报", body="会员内容")
    titles = [a["title"] for a in client.get("/api/announcements").json()]
    assert titles == ["欢迎"]
    assert client.get("/api/announcements", {"tier": "members"}).json() == []
    assert client.get(f"/api/announcements/{secret.pk}").status_code == 404
    client.force_login(account("member"))
    titles = {a["title"] for a in client.get("/api/announcements").json()}
    assert titles == {"欢迎", "会员通报"}


def test_plans(client):
    codes = [p["code"] for p in client.get("/api/plans").json()]
    assert codes == ["free", "annual", "triennial"]


def test_openapi_schema_describes_every_endpoint(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "Gaoku API"
    assert {
        "/api/materials/",
        "/api/materials/{material_id}",
        "/api/me",
        "/api/plans",
        "/api/announcements",
        "/api/announcements/{announcement_id}",
    } <= set(schema["paths"])
    assert client.get("/api/docs").status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        {"offset": "99999999999999999999999"},
        {"offset": "-1"},
        {"limit": "0"},
        {"limit": "abc"},
        {"limit": "100000"},
    ],
)
def test_bad_paging_is_422_not_500(client, recent, query):
    response = client.get("/api/materials/", query)
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid"


def test_me_does_not_name_the_admin_who_granted(client):
    from gaoku.members.services import member_grant

    member = account("member")
    member_grant(user=member, days=10, reason="活动", by=account("admin", "boss"))
    client.force_login(member)
    assert "boss" not in client.get("/api/me").content.decode()


@pytest.mark.parametrize(
    ("method", "path", "options", "status", "code"),
    [
        ("get", "/api/traces", {}, 405, "method_not_allowed"),
        ("get", "/api/no-such-endpoint", {}, 404, "not_found"),
        (
            "post",
            "/api/materials/1/copies",
            {"data": "{not json", "content_type": "application/json"},
            400,
            "bad_request",
        ),
    ],
)
def test_no_api_answer_is_html(client, method, path, options, status, code):
    client.force_login(account("admin"))
    response = getattr(client, method)(path, **options)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["error"]["code"] == code


def test_an_unexpected_failure_is_a_logged_500_envelope_naming_the_request(
    client, recent, monkeypatch, caplog
):
    import gaoku.library.api as library_api

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(library_api, "material_list", broken)
    with caplog.at_level("ERROR"):
        response = client.get("/api/materials/")
    assert response.status_code == 500
    error = response.json()["error"]
    assert error["code"] == "server_error" and response["X-Request-ID"] in error["message"]
    [record] = [r for r in caplog.records if r.name == "gaoku.site.apierrors"]
    assert record.request_id == response["X-Request-ID"] and record.exc_info
