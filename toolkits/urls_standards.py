"""Customer Service Standards, mounted at /standards/."""

urlpatterns: list = []
