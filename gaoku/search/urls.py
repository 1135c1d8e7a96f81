from django.urls import path

from gaoku.search import views

app_name = "search"
urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("check/", views.check_page, name="check"),
]
