"""One search across the hub, mounted at /search/."""

urlpatterns: list = []
