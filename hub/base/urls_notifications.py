"""Notification URLs, included at /notifications/ by hub/urls.py."""

from django.urls import path

from hub.base.views import notifications

urlpatterns = [
    path("", notifications.notification_list, name="notification_list"),
    path("<int:pk>/open/", notifications.notification_open, name="notification_open"),
    path("mark-read/", notifications.notification_mark_read, name="notification_mark_read"),
    path(
        "<int:pk>/mark-read/",
        notifications.notification_mark_read,
        name="notification_mark_read",
    ),
    path("preferences/", notifications.notification_preferences, name="notification_preferences"),
    path(
        "unsubscribe/<str:token>/",
        notifications.notification_unsubscribe,
        name="notification_unsubscribe",
    ),
]
