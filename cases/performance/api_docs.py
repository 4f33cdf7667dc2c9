"""The open-data API's reference, drawn as an ordinary hub page from its OpenAPI schema."""

from __future__ import annotations

from django.shortcuts import render
from django.urls import reverse
from ninja.openapi.docs import DocsBase


def trail(*extra):
    return [("Home", "/"), ("Performance", reverse("record_list")), *extra]


class ReferenceDocs(DocsBase):
    """The API reference as an ordinary hub page drawn from the same OpenAPI schema.

    Swagger UI (ninja's default docs) loads its script and styles from a CDN, which the site's
    Content-Security-Policy blocks; its self-hosted copy would need `ninja` in INSTALLED_APPS
    and still fails WCAG 2.2 AA checks. A server-rendered page needs no JavaScript, works under
    the CSP and links the machine-readable schema for tools that want it.
    """

    def render_page(self, request, api, **kwargs):
        schema = api.get_openapi_schema(path_params=kwargs)
        return render(
            request,
            "cases/open_data/api_docs.html",
            {
                "api": api,
                "operations": _operations(schema),
                "record_fields": _fields(schema, "RecordOut"),
                "schema_url": reverse(f"{api.urls_namespace}:openapi-json"),
                "breadcrumbs": trail(("Open data", reverse("open_data")), ("API", "")),
            },
        )


def _resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _describe(schema: dict, node: dict) -> str:
    """A short human description of a JSON Schema type: "string", "one of a, b", "integer"."""
    node = _resolve(schema, node)
    options = node.get("anyOf") or node.get("oneOf")
    if options:
        parts = [_describe(schema, o) for o in options if o.get("type") != "null"]
        nullable = any(o.get("type") == "null" for o in options)
        return " or ".join(parts) + (" or null" if nullable else "")
    if "enum" in node:
        return "one of " + ", ".join(str(v) for v in node["enum"])
    if node.get("type") == "array":
        return "list of " + _describe(schema, node.get("items", {}))
    if "properties" in node:
        return "object (" + ", ".join(node["properties"]) + ")"
    text = node.get("type", "any")
    bounds = [f"{k} {node[k]}" for k in ("minimum", "maximum") if k in node]
    if "pattern" in node:
        bounds.append(f"pattern {node['pattern']}")
    if "default" in node and node["default"] is not None:
        bounds.append(f"default {node['default']}")
    return text + (f" ({', '.join(bounds)})" if bounds else "")


def _operations(schema: dict) -> list[dict]:
    result = []
    for path, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            parameters = [
                {
                    "name": p["name"],
                    "where": p.get("in", ""),
                    "required": p.get("required", False),
                    "type": _describe(schema, p.get("schema", {})),
                    "description": p.get("description")
                    or _resolve(schema, p.get("schema", {})).get("description", ""),
                }
                for p in operation.get("parameters", [])
            ]
            responses = [
                (code, response.get("description", ""))
                for code, response in operation.get("responses", {}).items()
            ]
            result.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": parameters,
                    "responses": responses,
                }
            )
    return result


def _fields(schema: dict, name: str) -> list[dict]:
    node = schema["components"]["schemas"].get(name, {})
    return [
        {
            "name": field,
            "type": _describe(schema, spec),
            "description": spec.get("description", ""),
        }
        for field, spec in node.get("properties", {}).items()
    ]
