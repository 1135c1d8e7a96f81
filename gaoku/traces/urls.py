from django.urls import path

from gaoku.traces import views

app_name = "traces"
urlpatterns = [
    path("traces/", views.trace_new, name="new"),
    path("traces/<int:pk>/", views.trace_detail, name="detail"),
]
