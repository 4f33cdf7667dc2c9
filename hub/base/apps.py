from django.apps import AppConfig


class HubConfig(AppConfig):
    """The base every app builds on: accounts, organisations, memberships, taxonomies,
    notifications and the shared mechanisms. Its label stays "hub" (hub.User and the tables)."""

    name = "hub.base"
    label = "hub"
    verbose_name = "Good Practice Hub"

    def ready(self):
        from hub.base import search

        search.register(search.Organisations(), order=60)
        from hub.base import content_cache
        from hub.base.notifications import register_kind

        content_cache.connect()
        from hub.base import signin

        signin.connect()
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
