from django.urls import path

from gaoku.members import views

app_name = "members"
urlpatterns = [
    path("account/", views.account, name="account"),
    path("plans/", views.plans, name="plans"),
    path("favourites/<int:pk>/", views.favourite, name="favourite"),
    path("account/redeem/", views.redeem, name="redeem"),
    path("numbers/", views.numbers, name="numbers"),
    path("announcements/", views.announcements, name="announcements"),
    path("announcements/<str:tier>/", views.announcements, name="announcements_tier"),
    path("announcements/post/<int:pk>/", views.announcement, name="announcement"),
]
