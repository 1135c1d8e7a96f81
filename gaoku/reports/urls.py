from django.urls import path

from gaoku.reports import views

app_name = "reports"
urlpatterns = [
    path("report/", views.report_new, name="new"),
    path("report/mine/", views.report_mine, name="mine"),
    path("reports/", views.report_queue, name="queue"),
    path("reports/<int:pk>/", views.report_review, name="review"),
    path("signals/", views.signals, name="signals"),
]
