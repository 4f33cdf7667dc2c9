"""The Wagtail admin: taxonomies and organisations as snippets for moderators and editors, and
the moderation review queue (hub.base.moderation.admin_hooks)."""

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from hub.base.admin_readonly import date_set_filter
from hub.base.admin_users import EraseBulkAction
from hub.base.models import (
    Accreditation,
    Area,
    Barrier,
    ClaimantGroup,
    EmailDomain,
    JourneyStage,
    Organisation,
    Theme,
)
from hub.base.moderation import admin_hooks  # noqa: F401  (its hooks register on import)


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]


class ClaimantGroupViewSet(TermViewSet):
    model = ClaimantGroup
    icon = "group"
    menu_label = "Claimant groups"


class AreaViewSet(TermViewSet):
    model = Area
    icon = "site"
    menu_label = "Areas"
    list_display = ["name", "code", "slug"]
    panels = TermViewSet.panels + [FieldPanel("code")]


class BarrierViewSet(TermViewSet):
    model = Barrier
    icon = "warning"
    menu_label = "Barriers to work"


class JourneyStageViewSet(TermViewSet):
    model = JourneyStage
    icon = "list-ol"
    menu_label = "Journey stages"


class ThemeViewSet(TermViewSet):
    model = Theme
    icon = "tag"
    menu_label = "Practice themes"


class TaxonomyGroup(SnippetViewSetGroup):
    items = (ClaimantGroupViewSet, AreaViewSet, BarrierViewSet, JourneyStageViewSet, ThemeViewSet)
    menu_icon = "tag"
    menu_label = "Taxonomies"
    menu_name = "taxonomies"


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "kind", "verified", "created_at"]
    list_filter = ["kind", "verified"]
    search_fields = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("website"),
        FieldPanel("description"),
        FieldPanel("areas"),
        FieldPanel("claimant_groups"),
        MultiFieldPanel(
            [FieldPanel("verified", permission="hub.verify_organisation")], heading="Verification"
        ),
    ]


class EmailDomainViewSet(SnippetViewSet):
    """E-mail domains that site staff have checked belong to an organisation (hub.base.sso)."""

    model = EmailDomain
    icon = "mail"
    menu_label = "Verified e-mail domains"
    menu_order = 211
    add_to_admin_menu = True
    list_display = ["domain", "organisation", "require_sso", "created_at"]
    list_filter = ["require_sso"]
    search_fields = ["domain"]
    panels = [FieldPanel("domain"), FieldPanel("organisation"), FieldPanel("require_sso")]


class _AccreditationFilterSet(WagtailFilterSet):
    verified = date_set_filter("Checked by a moderator", "verified_at", "Verified", "Waiting")

    class Meta:
        model = Accreditation
        fields = ["kind"]


class AccreditationViewSet(SnippetViewSet):
    """Accreditations for moderators to find those waiting for a check; they verify on the
    organisation's accreditations page, where the evidence link is (read only here)."""

    model = Accreditation
    icon = "success"
    menu_label = "Accreditations"
    menu_order = 212
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["organisation", "title", "awarded_on", "expires_on", "verified_at"]
    filterset_class = _AccreditationFilterSet
    ordering = ["verified_at", "-created_at"]


register_snippet(TaxonomyGroup)
register_snippet(OrganisationViewSet)
register_snippet(EmailDomainViewSet)
register_snippet(AccreditationViewSet)

# Deleting users in bulk erases them (hub.base.accounts); registered after Wagtail's own bulk
# delete, which it replaces.
hooks.register("register_bulk_action", EraseBulkAction, order=100)
