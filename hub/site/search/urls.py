"""One search across the hub, mounted at /search/."""

from django.urls import path

from hub.site.search import views as search

urlpatterns = [path("", search.search, name="search")]
