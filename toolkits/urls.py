"""The toolkits' own views (the pages themselves are Wagtail pages served by the page tree)."""

from django.urls import include, path

urlpatterns = [
    path("financial-model/", include("toolkits.urls_model")),
]
