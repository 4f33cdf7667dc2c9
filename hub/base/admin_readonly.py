"""Read-only Wagtail admin screens for member content (case studies, comments, threads, posts).

Member content changes only through each app's services, which keep history, counters and
notifications right; moderators list, filter, inspect and see the history of it in the admin.
"""

import django_filters
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets.button import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import HistoryView, InspectView, SnippetViewSet


def date_set_filter(label, field_name, yes, no):
    """A filter on whether a date is set (featured, hidden, deleted), with words for both."""

    def filter_set(queryset, name, value):
        return queryset.filter(**{f"{field_name}__isnull": value == "no"})

    return django_filters.ChoiceFilter(
        label=label, choices=[("yes", yes), ("no", no)], method=filter_set, empty_label="All"
    )


HIDDEN_FIELDS = ["hidden_at", "hidden_reason", "hidden_by"]  # hub.base.moderation.Hideable's


class _HiddenFilterSet(WagtailFilterSet):
    hidden = date_set_filter("Hidden by a moderator", "hidden_at", "Hidden", "Shown")
    deleted = date_set_filter("Deleted by its author", "deleted_at", "Deleted", "Not deleted")


def hidden_filterset(model):
    """Filters for member content a moderator (or enough reports) may have hidden and its
    author may have deleted."""
    meta = type("Meta", (), {"model": model, "fields": []})
    return type(f"{model.__name__}FilterSet", (_HiddenFilterSet,), {"Meta": meta})


def site_url(target) -> str | None:
    """The item's page on the site, or None while the site's URLs do not resolve it."""
    try:
        return target.get_absolute_url()
    except NoReverseMatch:
        return None


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Member content changes only through its app's services (history, counters, notifications),
    so no one, superusers included, may add, edit or delete it in the admin: view only."""

    WRITE_ACTIONS = frozenset({"add", "change", "delete", "publish", "lock", "unlock"})

    def user_has_permission(self, user, action):
        return action not in self.WRITE_ACTIONS and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action not in self.WRITE_ACTIONS]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)


class ReadOnlyInspectView(InspectView):
    """The inspect page, with links to the item on the site and to its moderation history."""

    def get_context_for_field(self, field_name):
        context = super().get_context_for_field(field_name)
        if context["value"] in (None, ""):
            context["value"] = "—"
        return context

    @property
    def header_more_buttons(self):
        viewset = self.model.snippet_viewset
        buttons = [
            Button(
                "History",
                url=reverse(viewset.get_url_name("history"), args=(quote(self.object.pk),)),
                icon_name="history",
                priority=20,
            )
        ]
        if url := site_url(self.object):
            buttons.append(
                Button("View on the site", url=url, icon_name="link-external", priority=10)
            )
        return buttons


class ReadOnlyHistoryView(HistoryView):
    """The item's audit log (hidden, restored, reports dismissed) for anyone who may view it."""

    any_permission_required = ["view"]

    @property
    def header_buttons(self):
        return []

    def get_edit_url(self, instance):
        viewset = self.model.snippet_viewset
        return reverse(viewset.get_url_name("inspect"), args=(quote(instance.pk),))


class ReadOnlySnippetViewSet(SnippetViewSet):
    """A snippet listing with inspect and history pages, and nothing that writes."""

    inspect_view_enabled = True
    copy_view_enabled = False
    # High-volume member content: its saves should not pay for Wagtail's reference index.
    add_to_reference_index = False
    inspect_view_class = ReadOnlyInspectView
    history_view_class = ReadOnlyHistoryView

    def get_permissions_to_register(self):
        """Only the permissions that mean something here appear on the group editing screen."""
        codenames = [f"view_{self.model_name}"]
        codenames += [codename for codename, _ in self.model._meta.permissions]
        return super().get_permissions_to_register().filter(codename__in=codenames)

    @property
    def url_finder_class(self):
        """Log entries and other admin links to an item go to its inspect page."""
        viewset = self

        class InspectURLFinder(ModelAdminURLFinder):
            def construct_edit_url(self, instance):
                return reverse(viewset.get_url_name("inspect"), args=(quote(instance.pk),))

            def get_edit_url(self, instance):
                policy = policy_registry.get_by_type(viewset.model)
                if self.user and not policy.user_has_permission(self.user, "view"):
                    return None
                return self.construct_edit_url(instance)

        return InspectURLFinder
