from django.urls import path

from gaoku.library import views

app_name = "library"
urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("m/<int:pk>/", views.reader, name="reader"),
    path("m/<int:pk>/changes/", views.changes, name="changes"),
    path("m/<int:pk>/v<int:number>/put-back/", views.line_put_back, name="line_put_back"),
    path("m/<int:pk>/v<int:number>/remove/", views.line_remove, name="line_remove"),
    path("import/", views.import_page, name="import"),
    path("import/drafts/<int:pk>/", views.draft_resolve, name="draft_resolve"),
    path("stale/", views.stale_page, name="stale"),
    path("calendar/", views.calendar_page, name="calendar"),
    path("stale/<int:pk>/refresh/", views.stale_refresh, name="stale_refresh"),
]
