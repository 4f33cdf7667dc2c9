"""The moderators' side of the Wagtail admin: audit-log wording, read-only case study and
comment snippets and the reports queue."""

import django_filters
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
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

from cases.casestudies import admin_views, permissions
from cases.casestudies.models import Approach, CaseStudy, Comment
from hub.base.admin_readonly import ReadOnlyPermissionPolicy, ReadOnlySnippetViewSet
from hub.base.models import ShowcaseKind

# The audit log -----------------------------------------------------------------------------


class _ReasonFormatter(LogFormatter):
    """A message that carries the moderator's reason, which the log entry's data keeps."""

    prefix = ""

    def format_message(self, log_entry):
        reason = (log_entry.data or {}).get("reason")
        return f"{self.prefix}: {reason}" if reason else self.prefix


@hooks.register("register_log_actions")
def register_cases_log_actions(actions):
    @actions.register_action("cases.hide")
    class HideFormatter(_ReasonFormatter):
        label = "Hide case study"
        prefix = "Hidden by a moderator"

    @actions.register_action("cases.comment_hide")
    class CommentHideFormatter(_ReasonFormatter):
        label = "Hide comment"
        prefix = "Comment hidden by a moderator"

    actions.register_action("cases.restore", "Restore case study", "Restored by a moderator")
    actions.register_action(
        "cases.approach_confirm", "Confirm approach", "Approach confirmed by a moderator"
    )
    actions.register_action(
        "cases.comment_restore", "Restore comment", "Comment restored by a moderator"
    )

    @actions.register_action("cases.flags_dismiss")
    class DismissFormatter(LogFormatter):
        label = "Dismiss reports"

        def format_message(self, log_entry):
            count = (log_entry.data or {}).get("flags")
            if not count:
                return "Reports dismissed"
            return f"{count} report{'s' if count != 1 else ''} dismissed without hiding it"

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


def _set_filter(label, field_name, yes, no):
    """A filter on whether a date is set (featured, hidden), with words for both answers."""

    def filter_set(queryset, name, value):
        return queryset.filter(**{f"{field_name}__isnull": value == "no"})

    return django_filters.ChoiceFilter(
        label=label, choices=[("yes", yes), ("no", no)], method=filter_set, empty_label="All"
    )


class CaseStudyFilterSet(WagtailFilterSet):
    featured = _set_filter("Featured on the showcase", "featured_at", "Featured", "Not featured")

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


class CommentFilterSet(WagtailFilterSet):
    hidden = _set_filter("Hidden by a moderator", "hidden_at", "Hidden", "Shown")

    class Meta:
        model = Comment
        fields = []


class CommentViewSet(ReadOnlySnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = "Comments"
    list_display = ["case_study", "author", "created_at", "hidden_at", "deleted_at"]
    search_fields = ["body"]
    filterset_class = CommentFilterSet
    inspect_view_fields = [
        "case_study",
        "author",
        "body",
        "parent",
        "created_at",
        "edited_at",
        "deleted_at",
        "hidden_at",
        "hidden_reason",
        "hidden_by",
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


# The reports queue -------------------------------------------------------------------------


class ReportsMenuItem(MenuItem):
    """Shown to moderators only, with the number of open reports in its label."""

    def is_shown(self, request):
        return permissions.is_moderator(request.user)

    def render_component(self, request):
        count = admin_views.open_flag_count()
        label = f"{self.label} ({count})" if count else self.label
        return LinkMenuItem(
            self.name,
            label,
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


@hooks.register("register_admin_urls")
def register_reports_urls():
    patterns = [
        path("", admin_views.report_queue, name="index"),
        path("<str:kind>/<int:pk>/hide/", admin_views.hide, name="hide"),
        path("<str:kind>/<int:pk>/dismiss/", admin_views.dismiss, name="dismiss"),
    ]
    return [path("case-study-reports/", include((patterns, "cases_reports")))]


@hooks.register("register_admin_menu_item")
def register_reports_menu_item():
    return ReportsMenuItem(
        "Reports to review",
        reverse("cases_reports:index"),
        name="case-study-reports",
        icon_name="warning",
        order=205,
    )
