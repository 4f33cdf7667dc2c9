"""Workshop views outside the page tree (proposing notes), mounted at /workshops/; anything not
matched here falls through to the Wagtail pages."""

urlpatterns: list = []
