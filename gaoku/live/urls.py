from django.urls import path

from gaoku.live import views

app_name = "live"
urlpatterns = [
    path("feed/", views.feed_page, name="feed"),
    path("feed/<str:token>.atom", views.MemberFeed(), name="atom"),
    path("notifications/", views.notifications, name="notifications"),
    path("follow/", views.follow, name="follow"),
    path("account/feed-token/", views.feed_token_new, name="feed_token_new"),
    path("deliveries/", views.deliveries, name="deliveries"),
]
