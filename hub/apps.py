from django.apps import AppConfig


class HubConfig(AppConfig):
    """The site itself: accounts, organisations, taxonomies and pages."""

    name = "hub"
    verbose_name = "Good Practice Hub"
