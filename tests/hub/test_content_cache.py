"""hub.base.content_cache: rendered bodies cached under versions, and which queries may key them."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory, override_settings

from hub.base import content_cache

pytestmark = pytest.mark.django_db


def _get(query: str):
    return RequestFactory().get(f"/x/{query}")


def test_query_parts_are_the_sorted_query_or_none_for_queries_not_worth_a_cache_entry():
    assert content_cache.query_parts(_get("?b=2&a=1&a=0")) == [("a", ["1", "0"]), ("b", ["2"])]
    assert content_cache.query_parts(_get("")) == []
    assert content_cache.query_parts(_get("?a=1"), known={"a"}) == [("a", ["1"])]
    assert content_cache.query_parts(_get("?a=1&junk=2"), known={"a"}) is None
    long_value = "x" * (content_cache.MAX_QUERY_VALUE + 1)
    assert content_cache.query_parts(_get(f"?a={long_value}")) is None
    many = "&".join(f"a={i}" for i in range(content_cache.MAX_QUERY_PARAMS + 1))
    assert content_cache.query_parts(_get(f"?{many}")) is None


LOCMEM = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {
            "loaders": [("django.template.loaders.locmem.Loader", {"body.html": "{{ message }}"})]
        },
    }
]


@override_settings(TEMPLATES=LOCMEM)
def test_a_rendered_body_is_cached_until_its_namespace_changes_and_none_parts_skip_the_cache():
    cache.clear()
    calls = []

    def build():
        calls.append(1)
        return {"message": f"Built {len(calls)} <b>times</b>", "title": "T"}

    def render(parts):
        return content_cache.rendered(
            "test_body", parts, "body.html", build, namespaces=("testing",),
            keep=("title",),
        )  # fmt: skip

    first = render(["p"])
    assert str(first["body"]).strip() == "Built 1 &lt;b&gt;times&lt;/b&gt;"  # autoescaped
    assert first["title"] == "T"
    assert render(["p"])["body"] == first["body"] and len(calls) == 1
    content_cache.changed("testing")
    assert "Built 2" in render(["p"])["body"]
    assert "Built 3" in render(None)["body"] and "Built 4" in render(None)["body"]
    assert len(calls) == 4
