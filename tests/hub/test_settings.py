"""Settings come from the environment; production mode is strict. Checked in a fresh process."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "a-test-secret-key-that-is-long-and-random-enough-0123456789abcdef",
    "DJANGO_ALLOWED_HOSTS": "hub.example.org",
}


def manage(*args, env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(env_overrides)
    return subprocess.run(  # noqa: S603 - our own manage.py with a fixed argument list
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checklist_with_no_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env_overrides=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_missing_secret_key_outside_debug_is_an_error():
    env = {**PRODUCTION, "DJANGO_SECRET_KEY": ""}
    result = manage("check", env_overrides=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_settings_read_database_cache_and_email_from_the_environment():
    code = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE']);"
        "print(s.CACHES['default']['BACKEND']);"
        "print(s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT);"
        "print(s.CSRF_TRUSTED_ORIGINS)"
    )
    result = manage(
        "shell",
        "-c",
        code,
        env_overrides={
            **PRODUCTION,
            "DATABASE_URL": "postgres://hub:pw@db.internal:5432/hub",
            "REDIS_URL": "redis://cache.internal:6379/0",
            "EMAIL_HOST": "smtp.example.org",
            "EMAIL_PORT": "2525",
            "DJANGO_CSRF_TRUSTED_ORIGINS": "https://hub.example.org",
        },
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert lines[-4:] == [
        "django.db.backends.postgresql",
        "hub.base.resilient_cache.ResilientRedisCache",
        "django.core.mail.backends.smtp.EmailBackend smtp.example.org 2525",
        "['https://hub.example.org']",
    ]


@pytest.mark.django_db
def test_public_pages_send_a_content_security_policy_with_a_fresh_nonce(client):
    response = client.get(reverse("organisation_list"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "'nonce-" in policy and "'nonce'" not in policy
    assert "object-src 'none'" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.content.decode()
    assert client.get(reverse("organisation_list"))["Content-Security-Policy"] != policy


@pytest.mark.django_db
def test_wagtail_admin_has_its_own_policy(client, settings):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get("/admin/")
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == settings.HUB_ADMIN_CSP


def test_production_static_files_are_hashed_and_compressed(tmp_path):
    """collectstatic with the production storage: every url() in the CSS must resolve, and
    WhiteNoise writes content-hashed, gzipped copies."""
    result = manage(
        "collectstatic", "--noinput", env_overrides={**PRODUCTION, "STATIC_ROOT": str(tmp_path)}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    css = list((tmp_path / "hub" / "css").glob("hub.*.css"))
    assert css, "hub.css should have a content-hashed copy"
    assert (tmp_path / "hub" / "css" / f"{css[0].name}.gz").exists()
    assert (tmp_path / "staticfiles.json").exists()
