"""The moderators' side of the Wagtail admin: the showcase's audit-log wording and read-only case
study and comment snippets (reports go to hub.base.moderation's one review queue)."""

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)
from wagtail.snippets.views.snippets import SnippetViewSet

from cases.casestudies.models import Approach, CaseStudy, Comment
from hub.base.admin_readonly import (
    HIDDEN_FIELDS,
    ReadOnlyPermissionPolicy,
    ReadOnlySnippetViewSet,
    date_set_filter,
    hidden_filterset,
)
from hub.base.models import ShowcaseKind

# The audit log -----------------------------------------------------------------------------


@hooks.register("register_log_actions")
def register_cases_log_actions(actions):
    # Hiding, restoring and dismissing reports are worded by hub.base.moderation.
    actions.register_action(
        "cases.approach_confirm", "Confirm approach", "Approach confirmed by a moderator"
    )

    @actions.register_action("cases.feature")
    class FeatureFormatter(LogFormatter):
        label = "Feature on the showcase"

        def format_message(self, log_entry):
            kind = (log_entry.data or {}).get("kind")
            if kind in ShowcaseKind.values:
                return f"Featured on the showcase as: {ShowcaseKind(kind).label}"
            return "Featured on the showcase"


# Read-only snippets ------------------------------------------------------------------------


register_permission_policy(CaseStudy, ReadOnlyPermissionPolicy(CaseStudy))
register_permission_policy(Comment, ReadOnlyPermissionPolicy(Comment))


class CaseStudyFilterSet(WagtailFilterSet):
    featured = date_set_filter(
        "Featured on the showcase", "featured_at", "Featured", "Not featured"
    )

    class Meta:
        model = CaseStudy
        fields = ["status"]


class PublishedCaseStudyChooseView(ChooseView):
    @property
    def columns(self):
        return [*super().columns, Column("organisation", label="Organisation")]


class PublishedCaseStudyChooseResultsView(ChooseResultsView):
    @property
    def columns(self):
        return [*super().columns, Column("organisation", label="Organisation")]


class PublishedCaseStudyChooserViewSet(SnippetChooserViewSet):
    """The showcase features only published case studies, so the chooser offers only those
    (drafts and hidden ones stay out of sight of editors)."""

    choose_view_class = PublishedCaseStudyChooseView
    choose_results_view_class = PublishedCaseStudyChooseResultsView

    def get_object_list(self):
        return CaseStudy.objects.published().select_related("organisation")


class CaseStudyViewSet(ReadOnlySnippetViewSet):
    model = CaseStudy
    icon = "doc-full"
    menu_label = "Case studies"
    menu_name = "case-studies"
    menu_order = 200
    add_to_admin_menu = True
    list_display = [
        "title",
        "organisation",
        "status",
        "rating_count",
        "comment_count",
        "published_at",
    ]
    filterset_class = CaseStudyFilterSet
    list_export = list_display
    chooser_viewset_class = PublishedCaseStudyChooserViewSet
    inspect_view_fields = [
        "title",
        "organisation",
        "author",
        "status",
        "hidden_reason",
        "hidden_at",
        "hidden_by",
        "published_at",
        "featured_at",
        "summary",
        "provision",
        "delivery_approach",
        "period_start",
        "period_end",
        "participants",
        "job_starts",
        "job_outcomes",
        "rating_count",
        "rating_mean",
        "comment_count",
        "created_at",
        "updated_at",
    ]

    def get_queryset(self, request):
        return CaseStudy.objects.select_related("organisation")


class CommentViewSet(ReadOnlySnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = "Comments"
    list_display = ["case_study", "author", "created_at", "hidden_at", "deleted_at"]
    search_fields = ["body"]
    filterset_class = hidden_filterset(Comment)
    inspect_view_fields = [
        *("case_study", "author", "body", "parent", "created_at", "edited_at", "deleted_at"),
        *HIDDEN_FIELDS,
    ]

    def get_queryset(self, request):
        return Comment.objects.select_related("case_study", "author")


class ApproachViewSet(SnippetViewSet):
    """Approaches are written by moderators and editors (cases 0006 gives both groups the
    permissions); the toolkit's numbers come from case studies, not from here."""

    model = Approach
    icon = "tick-inverse"
    menu_label = "Approaches"
    add_to_admin_menu = True
    menu_order = 220
    list_display = ["title", "live", "updated_at"]
    list_filter = ["live"]
    search_fields = ["title", "summary"]


register_snippet(CaseStudyViewSet)
register_snippet(ApproachViewSet)
register_snippet(CommentViewSet)
