"""The site's own models: editor-published pages on top of the apps. They keep the app label
"hub" (their tables, content types and page revisions predate the split into base and site)."""

from hub.site.pages import ContentPage, HomePage
from hub.site.showcase.models import ShowcaseFeature, ShowcasePage
from hub.site.workshops.models import WorkshopIndexPage, WorkshopPage

__all__ = [
    "ContentPage",
    "HomePage",
    "ShowcaseFeature",
    "ShowcasePage",
    "WorkshopIndexPage",
    "WorkshopPage",
]
