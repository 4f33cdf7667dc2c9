"""The review queue's menu item and URLs, and the audit-log wording of every registered kind's
moderation actions (hub.base.wagtail_hooks imports this module, so Wagtail runs its hooks)."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.log_actions import LogFormatter

from hub.base.moderation import admin_views, held, is_moderator, kinds, selectors


class ReasonFormatter(LogFormatter):
    """A message that carries the moderator's reason, which the log entry's data keeps."""

    prefix = ""

    def format_message(self, log_entry):
        reason = (log_entry.data or {}).get("reason")
        return f"{self.prefix}: {reason}" if reason else self.prefix


class DismissFormatter(LogFormatter):
    label = "Dismiss reports"

    def format_message(self, log_entry):
        count = (log_entry.data or {}).get("flags")
        if not count:
            return "Reports dismissed"
        return f"{count} report{'s' if count != 1 else ''} dismissed without hiding it"


class AutoHideFormatter(LogFormatter):
    label = "Hide automatically after reports"

    def format_message(self, log_entry):
        count = (log_entry.data or {}).get("reports")
        return f"Hidden until reviewed after {count} members' reports" if count else self.label


def _formatter(base, label: str, prefix: str):
    return type("Formatter", (base,), {"label": label, "prefix": prefix})


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    """Each kind keeps its own action names (older entries in the log use them too)."""
    actions.register_action("moderation.auto_hide")(AutoHideFormatter)
    for kind in kinds():
        label = kind.label[0].upper() + kind.label[1:]
        hidden = kind.hidden_prefix or f"{label} hidden by a moderator"
        restored = f"{label} restored by a moderator"
        actions.register_action(kind.actions["hide"])(
            _formatter(ReasonFormatter, f"Hide {kind.label}", hidden)
        )
        actions.register_action(kind.actions["restore"])(
            _formatter(ReasonFormatter, f"Restore {kind.label}", restored)
        )
        actions.register_action(kind.actions["dismiss"])(DismissFormatter)
    for kind in held.kinds():
        label = kind.label[0].upper() + kind.label[1:]
        actions.register_action(kind.actions["publish"])(
            _formatter(ReasonFormatter, f"Publish {kind.label}", f"{label} published by a reviewer")
        )
        actions.register_action(kind.actions["reject"])(
            _formatter(ReasonFormatter, f"Reject {kind.label}", f"{label} rejected by a reviewer")
        )


class ReportsMenuItem(MenuItem):
    """Shown to moderators only, with the number of open reports in its label."""

    def is_shown(self, request):
        return is_moderator(request.user)

    def render_component(self, request):
        count = selectors.open_report_count()
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
def register_moderation_urls():
    patterns = [
        path("", admin_views.report_queue, name="index"),
        path("<str:kind>/<int:pk>/hide/", admin_views.hide, name="hide"),
        path("<str:kind>/<int:pk>/dismiss/", admin_views.dismiss, name="dismiss"),
        path("held/", admin_views.held_queue, name="held"),
        path("held/<str:kind>/<int:pk>/publish/", admin_views.held_publish, name="held_publish"),
        path("held/<str:kind>/<int:pk>/reject/", admin_views.held_reject, name="held_reject"),
    ]
    return [path("moderation/", include((patterns, "moderation")))]


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ReportsMenuItem(
        admin_views.TITLE,
        reverse("moderation:index"),
        name="moderation-reports",
        icon_name="warning",
        order=205,
    )


class HeldMenuItem(MenuItem):
    """Shown to whoever moderates a held kind, with the number of items waiting."""

    def is_shown(self, request):
        return held.is_reviewer(request.user)

    def render_component(self, request):
        count = selectors.held_count(request.user)
        label = f"{self.label} ({count})" if count else self.label
        return LinkMenuItem(
            self.name,
            label,
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


@hooks.register("register_admin_menu_item")
def register_held_menu_item():
    return HeldMenuItem(
        admin_views.HELD_TITLE,
        reverse("moderation:held"),
        name="moderation-held",
        icon_name="clipboard-list",
        order=206,
    )
