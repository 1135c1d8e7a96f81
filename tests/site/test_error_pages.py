"""Error pages in Chinese, in the site's layout (the 500 page on its own: it may be drawn
when the database is what failed)."""

import pytest
from django.template.loader import render_to_string


@pytest.mark.django_db
def test_a_missing_page_is_a_chinese_page_with_ways_on(client):
    response = client.get("/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert 'data-testid="not-found"' in page and "页面不存在" in page and "Not Found" not in page
    assert 'href="/"' in page


def test_the_server_error_page_needs_no_request_and_no_database():
    page = render_to_string("500.html")
    assert "服务器出错" in page and "<html" in page
