"""Member-written Markdown to safe HTML: `markdown` renders, `nh3` keeps only harmless markup."""

from __future__ import annotations

import functools
import re

import markdown as md
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "code", "em", "h3", "h4", "hr", "li", "ol", "p",
    "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"align"}, "td": {"align"}}
_HEADING = re.compile(r"<(/?)h([1-6])\b")


def _shift_headings(html: str) -> str:
    """Member text never gets a heading above h3: the page's own headings come first."""
    return _HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 2, 4)}", html)


def render_markdown(text: str) -> SafeString:
    """Render Markdown written by a member; raw HTML in it is escaped or removed, links are
    limited to http(s) and mailto and marked as user content."""
    return _render(text or "")


@functools.lru_cache(maxsize=4096)
def _render(text: str) -> SafeString:
    """Keyed by the text itself, so an edit is a new key: popular pages stop re-rendering the
    same comments and posts on every request (a page of 50 comments took ~50 ms)."""
    cleaned = clean_markdown(
        text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        extensions=("extra", "sane_lists"),
        link_rel="nofollow ugc noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308 - cleaned by nh3


def clean_markdown(
    text: str,
    *,
    tags: set[str],
    attributes: dict[str, set[str]],
    extensions=("sane_lists",),
    link_rel: str | None = None,
) -> str:
    """Markdown rendered, headings shifted below the page's own, then cleaned by nh3 to `tags`
    with links limited to http(s) and mailto: the one path from member Markdown to HTML,
    whether it is shown at once or stored (as workshop notes' rich text is)."""
    html = md.markdown(text or "", extensions=list(extensions), output_format="html")
    return nh3.clean(
        _shift_headings(html),
        tags=tags,
        attributes=attributes,
        url_schemes={"http", "https", "mailto"},
        link_rel=link_rel,
    )
