from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class HubConfig(AppConfig):
    """The base every app builds on: accounts, organisations, memberships, taxonomies,
    notifications and the shared mechanisms. Its label stays "hub" (hub.User and the tables)."""

    default = True  # this module also holds the Wagtail users app's config below
    name = "hub.base"
    label = "hub"
    verbose_name = "Good Practice Hub"

    def ready(self):
        from hub.base import search

        search.register(search.Organisations(), order=60)
        from hub.base import content_cache
        from hub.base.notifications import register_kind

        content_cache.connect()
        from hub.base import auth_backends

        auth_backends.connect()
        from hub.base import notifications

        notifications.connect()
        from hub.base.models import Accreditation, Area, ClaimantGroup, Organisation

        content_cache.watch(content_cache.RATINGS, Accreditation)
        content_cache.watch(content_cache.NAMES, Organisation, Area, ClaimantGroup)
        from hub.base import signin

        signin.connect()
        from hub.base import accounts

        accounts.register_rules()
        register_kind(
            "account.data_export",
            label="Your data is ready to download",
            description="When the file of your data you asked for is ready.",
        )
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


class WagtailUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, whose delete goes through the hub's account erasure
    (hub.base.accounts.account_erase) instead of deleting the row, which members' content
    protects."""

    default = False
    user_viewset = "hub.base.admin_users.UserViewSet"
