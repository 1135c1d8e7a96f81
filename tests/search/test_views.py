"""The search page and GET /api/search: highlighted results, the user's entitlement,
clear errors."""

import re

from django.urls import reverse

from tests.conftest import account
from tests.search.test_services import _body_only_word


def test_the_page_highlights_words_and_links_results(client, library):
    client.force_login(account("admin"))
    page = client.get(reverse("search:search"), {"q": "党建"}).content.decode()
    assert "<mark>党建</mark>" in page
    assert reverse("library:reader", args=[library["机关党建"].pk]) in page


def test_visitors_do_not_find_body_text_through_the_page_or_the_api(client, library):
    word = _body_only_word(library["机关党建"])
    page = client.get(reverse("search:search"), {"q": word}).content.decode()
    assert library["机关党建"].title not in page
    answer = client.get("/api/search", {"q": word}).json()
    assert answer == {"query": word, "total": 0, "results": []}


def test_members_find_body_text_of_what_they_may_read(client, library):
    client.force_login(account("member"))
    word = _body_only_word(library["机关党建"])
    answer = client.get("/api/search", {"q": word}).json()
    assert [r["material"] for r in answer["results"]] == [library["机关党建"].pk]
    assert word in answer["results"][0]["snippet"]


def test_pages_filters_and_sort_travel_in_the_links(client, library):
    client.force_login(account("admin"))
    response = client.get(reverse("search:search"), {"q": "工作", "sort": "date", "type": "讲话稿"})
    page = response.content.decode()
    titles = re.findall(r'<a class="title" href="/m/(\d+)/">', page)
    assert titles == [str(library["机关党建"].pk), str(library["乡村振兴"].pk)]


def test_bad_queries_get_a_message_not_an_error_page(client, library):
    page = client.get(reverse("search:search"), {"q": "-党建"})
    assert page.status_code == 200
    assert "至少需要一个要查找的词" in page.content.decode()
    page = client.get(reverse("search:search"), {"q": "党建", "year": "abc"})
    assert page.status_code == 200 and 'role="alert"' in page.content.decode()
    answer = client.get("/api/search", {"q": "OR"})
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "invalid_query"


def test_deleting_a_material_in_the_admin_drops_it_from_search(client, library, committed):
    client.force_login(account("admin"))
    material = library["乡村振兴"]
    with committed():
        response = client.post(
            reverse("admin:library_material_delete", args=[material.pk]), {"post": "yes"}
        )
    assert response.status_code == 302
    answer = client.get("/api/search", {"q": f'"{material.title}"'}).json()
    assert answer["total"] == 0
