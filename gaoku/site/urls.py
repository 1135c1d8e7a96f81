from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from gaoku.accounts.forms import AdminSignInForm
from gaoku.live.views import events_stream
from gaoku.site.api import api

admin.site.login_form = AdminSignInForm

urlpatterns = [
    path("", include("gaoku.library.urls")),
    path("", include("gaoku.members.urls")),
    path("", include("gaoku.copies.urls")),
    path("", include("gaoku.traces.urls")),
    path("", include("gaoku.reports.urls")),
    path("", include("gaoku.needs.urls")),
    path("", include("gaoku.search.urls")),
    path("", include("gaoku.ops.urls")),
    path("", include("gaoku.live.urls")),
    path("accounts/", include("gaoku.accounts.urls")),
    path(
        "accounts/password/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("api/events", events_stream, name="events"),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
