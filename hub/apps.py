from django.apps import AppConfig


class HubConfig(AppConfig):
    """The site itself: accounts, organisations, taxonomies and pages."""

    name = "hub"
    verbose_name = "Good Practice Hub"

    def ready(self):
        from hub.notifications import register_kind

        register_kind(
            "organisation.join_request",
            label="Someone asks to join your organisation",
            description="When someone asks to join an organisation you are an admin of.",
        )
        register_kind(
            "organisation.join_decision",
            label="Your request to join an organisation is decided",
            description="When an organisation's admin approves or declines your request to join.",
        )
