from django.urls import path

from gaoku.needs import views

app_name = "needs"
urlpatterns = [
    path("needs/", views.need_list_page, name="list"),
    path("needs/new/", views.need_new, name="new"),
    path("needs/<int:pk>/", views.need_detail, name="detail"),
    path("needs/<int:pk>/vote/", views.vote, name="vote"),
    path("needs/<int:pk>/decide/", views.decide, name="decide"),
]
