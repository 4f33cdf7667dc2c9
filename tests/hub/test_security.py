"""Answers and headers for every response (hub.base.security)."""

import pytest

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ADMIN_URLS = ["/admin/", "/admin/pages/", "/admin/snippets/", "/admin/documents/", "/admin/users/"]


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_a_signed_in_member_without_admin_access_gets_a_403_page_not_a_loop(client, url):
    client.force_login(UserFactory())
    response = client.get(url)
    assert response.status_code == 403
    assert "You do not have access to the admin" in response.content.decode()


def test_staff_still_reach_the_admin_and_visitors_are_sent_to_sign_in(client):
    assert client.get("/admin/")["Location"].startswith("/accounts/login/")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get("/admin/").status_code == 200


def test_signed_in_pages_are_private_and_not_stored(client):
    assert "private" not in client.get("/").get("Cache-Control", "")
    client.force_login(UserFactory())
    response = client.get("/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_every_response_has_a_permissions_policy(client):
    assert "camera=()" in client.get("/")["Permissions-Policy"]
    assert "geolocation=()" in client.get("/no-such-page/")["Permissions-Policy"]


class _Untouchable:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def test_a_body_over_the_limit_is_refused_before_it_is_read(client, settings):
    response = client.generic(
        "POST", "/organisations/new/", b"",
        CONTENT_TYPE="multipart/form-data; boundary=x", CONTENT_LENGTH=str(1024**3),
        **{"wsgi.input": _Untouchable()},
    )  # fmt: skip
    assert response.status_code == 413
    assert "The hub accepts up to 12 MB in one go" in response.content.decode()
    assert response["Connection"] == "close"


def test_a_body_under_the_limit_reaches_the_view(client, settings):
    settings.HUB_REQUEST_MAX_BYTES = 1000
    client.force_login(UserFactory())
    assert client.post("/organisations/new/", {"name": "x" * 1200}).status_code == 413
    assert client.post("/organisations/new/", {"name": "Acme"}).status_code == 200


COMMON = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _assert_headers(response, *, signed_in: bool, admin: bool = False, frame="DENY"):
    assert response.status_code == 200
    for name, value in COMMON.items():
        assert response[name] == value, name
    assert response["X-Frame-Options"] == frame
    assert "camera=()" in response["Permissions-Policy"]
    csp = response["Content-Security-Policy"]
    assert "object-src 'none'" in csp and "base-uri 'self'" in csp
    assert "frame-ancestors 'self'" in csp and "form-action 'self'" in csp
    if admin:
        assert csp == settings_module().HUB_ADMIN_CSP
    else:
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    if signed_in:
        assert response["Cache-Control"] == "private, no-store"
    else:
        assert "private" not in response.get("Cache-Control", "")


def settings_module():
    from django.conf import settings

    return settings


def test_the_full_header_set_on_a_public_page_a_member_page_an_api_and_the_admin(client):
    _assert_headers(client.get("/"), signed_in=False)
    api = client.get("/performance/open-data/api/records")
    assert api["Content-Type"].startswith("application/json")
    _assert_headers(api, signed_in=False)
    client.force_login(UserFactory())
    _assert_headers(client.get("/accounts/profile/"), signed_in=True)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    _assert_headers(client.get("/admin/"), signed_in=True, admin=True)
    _assert_headers(client.get("/admin/pages/"), signed_in=True, admin=True)


def test_hsts_on_secure_requests_when_configured(client, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
