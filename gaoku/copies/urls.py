from django.urls import path

from gaoku.copies import views

app_name = "copies"
urlpatterns = [
    path("m/<int:pk>/download/", views.download, name="download"),
    path("m/<int:pk>/slots/", views.slots, name="slots"),
]
