"""Sign in with an organisation's identity provider (OpenID Connect, through allauth).

Off unless HUB_OIDC_* configure a provider (hub.settings). Site staff record the e-mail domains
they have verified for an organisation (`EmailDomain`): a first sign-in through the provider
with a verified address on such a domain asks to join that organisation, and a domain that
requires it refuses password sign-in and sign-up."""

import contextlib

from allauth.socialaccount import app_settings as social_settings
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.core.exceptions import ValidationError

from hub.base import services
from hub.base.models import EmailDomain


def providers() -> list[dict]:
    """The configured OpenID Connect apps (empty when SSO is off)."""
    return list(social_settings.PROVIDERS.get("openid_connect", {}).get("APPS", []))


def _domain(email: str) -> str:
    return email.rpartition("@")[2].strip().lower() if "@" in (email or "") else ""


def domain_for(email: str) -> EmailDomain | None:
    domain = _domain(email)
    if not domain:
        return None
    return EmailDomain.objects.select_related("organisation").filter(domain=domain).first()


def password_refusal(email: str) -> str | None:
    """Why this address may not use a password, or None. Only while a provider is configured,
    so switching SSO off never locks members out."""
    apps = providers()
    if not apps or not _domain(email):
        return None
    if not EmailDomain.objects.filter(domain=_domain(email), require_sso=True).exists():
        return None
    names = " or ".join(f"‘Sign in with {app.get('name') or 'your organisation'}’" for app in apps)
    return f"Your organisation signs in its staff itself. Use {names} instead of a password."


def _name_from(data: dict) -> str:
    name = (data.get("name") or "").strip()
    if not name:
        parts = [data.get("first_name") or "", data.get("last_name") or ""]
        name = " ".join(part.strip() for part in parts if part and part.strip())
    return name[:80]


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """Names a new member from the ID token's name claims and, when their verified address is on
    a verified domain, asks to join that domain's organisation for them. An existing account
    with that verified address is signed in to and linked instead."""

    def can_authenticate_by_email(self, login, email):
        """A member who already has an account on a verified domain signs in to it through the
        provider (and it is linked); the provider is not trusted for other addresses."""
        return domain_for(email) is not None

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        user.display_name = _name_from(data)
        return user

    def save_user(self, request, sociallogin, form=None):
        user = super().save_user(request, sociallogin, form=form)
        verified = {
            address.email.lower() for address in sociallogin.email_addresses if address.verified
        }
        email = (user.email or "").lower()
        domain = domain_for(email) if email in verified else None
        if domain is not None:
            # A refusal means they already asked or belong: nothing to add.
            with contextlib.suppress(ValidationError):
                services.membership_request(
                    user=user,
                    organisation=domain.organisation,
                    message=f"Signed in through {domain.domain}'s identity provider.",
                )
        return user
