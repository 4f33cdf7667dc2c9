"""The site's side of the Wagtail admin: the showcase's featured marks kept in step with
whatever publishes, unpublishes or deletes a showcase page."""

from wagtail import hooks
from wagtail.models import Page

from hub.site.showcase import services
from hub.site.showcase.models import ShowcasePage


def _affects_showcase(page, *, with_descendants: bool) -> bool:
    """Whether publishing, unpublishing or deleting `page` can change which case studies a live
    showcase features: it is a showcase, or (unpublished or deleted with its subtree) a page
    that can hold one."""
    page_class = page.specific_class
    if page_class is None:
        return False
    if issubclass(page_class, ShowcasePage):
        return True
    return with_descendants and page_class in ShowcasePage.allowed_parent_page_models()


@hooks.register("after_publish_page")
def sync_featured_after_publish(request, page):
    if _affects_showcase(page, with_descendants=False):
        services.featured_sync()


@hooks.register("after_edit_page")
def sync_featured_after_edit(request, page):
    """A workflow approval from the edit view publishes without the after_publish_page hook."""
    if _affects_showcase(page, with_descendants=False):
        services.featured_sync()


@hooks.register("after_unpublish_page")
def sync_featured_after_unpublish(request, page):
    if _affects_showcase(page, with_descendants=True):
        services.featured_sync()


@hooks.register("after_delete_page")
def sync_featured_after_delete(request, page):
    if _affects_showcase(page, with_descendants=True):
        services.featured_sync()


@hooks.register("after_bulk_action")
def sync_featured_after_bulk_action(request, action_type, objects, action_class_instance):
    if action_type not in {"publish", "unpublish", "delete"}:
        return
    with_descendants = action_type != "publish"
    if any(
        isinstance(obj, Page) and _affects_showcase(obj, with_descendants=with_descendants)
        for obj in objects
    ):
        services.featured_sync()
