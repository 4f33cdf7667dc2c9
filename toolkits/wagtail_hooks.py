"""Read-only admin listing of Customer Service Standards for moderators: they change only
through the organisation admins' own pages (toolkits.services.standards), never in the admin."""

from django.contrib.admin.utils import quote
from django.urls import reverse
from wagtail.admin.widgets.button import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from hub.base.admin_readonly import (
    ReadOnlyInspectView,
    ReadOnlyPermissionPolicy,
    ReadOnlySnippetViewSet,
)
from toolkits.models import StandardsStatement

register_permission_policy(StandardsStatement, ReadOnlyPermissionPolicy(StandardsStatement))


class StandardsInspectView(ReadOnlyInspectView):
    """The statement, with links to its history and to the organisation's standards page."""

    @property
    def header_more_buttons(self):
        viewset = self.model.snippet_viewset
        return [
            Button(
                "History",
                url=reverse(viewset.get_url_name("history"), args=(quote(self.object.pk),)),
                icon_name="history",
                priority=20,
            ),
            Button(
                "View on the site",
                url=reverse("standards_detail", args=[self.object.organisation.slug]),
                icon_name="link-external",
                priority=10,
            ),
        ]


class StandardsStatementViewSet(ReadOnlySnippetViewSet):
    model = StandardsStatement
    icon = "list-ul"
    menu_label = "Service standards"
    menu_name = "service-standards"
    menu_order = 260
    add_to_admin_menu = True
    inspect_view_class = StandardsInspectView
    list_display = ["organisation", "status", "last_reviewed_on", "published_at", "updated_at"]
    list_filter = ["status"]
    list_export = list_display
    inspect_view_fields = [
        "organisation", "status", "rights", "responsibilities", "last_reviewed_on",
        "published_at", "updated_at", "updated_by", "version",
    ]  # fmt: skip

    def get_queryset(self, request):
        return StandardsStatement.objects.select_related("organisation")


register_snippet(StandardsStatementViewSet)
