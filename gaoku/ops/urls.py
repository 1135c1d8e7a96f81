from django.urls import path

from gaoku.ops import views

app_name = "ops"
urlpatterns = [
    path("jobs/<int:pk>/", views.job_page, name="job"),
    path("jobs/<int:pk>/retry/", views.job_retry_view, name="job_retry"),
]
