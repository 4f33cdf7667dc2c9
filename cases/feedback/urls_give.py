"""The claimant's short link, /f/<token>/ (mounted at the site's root)."""

from django.urls import path

from cases.feedback import views

urlpatterns = [
    path("<str:token>/", views.give, name="feedback_give"),
    path("<str:token>/thanks/", views.thanks, name="feedback_thanks"),
]
