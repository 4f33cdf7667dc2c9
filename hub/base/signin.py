"""Sign-in protection that slows guessing down without handing anyone a lock.

allauth's own `login_failed` limit refuses every attempt for an e-mail address, the right
password included, after five failures from anywhere, so any stranger could keep any member
(the site administrator too) out for as long as they liked. It is replaced by back-off:

- **Per account and address.** After HUB_SIGNIN_FREE_FAILURES failed passwords for one e-mail
  address from one network address, each further attempt from there must wait: two seconds
  (HUB_SIGNIN_BACKOFF_SECONDS), doubling with each failure, up to HUB_SIGNIN_BACKOFF_MAX_SECONDS.
  The owner signing in from anywhere else is not affected.
- **Per account, from anywhere.** After HUB_SIGNIN_ACCOUNT_FREE_FAILURES failures for the
  account in all, the same back-off applies to every address, except on a device the account
  signed in on in the last HUB_SIGNIN_TRUSTED_DEVICE_DAYS (a signed cookie) and for accounts with
  two-factor authentication, whose password is still checked (the second factor still has to
  follow). A guess is refused without checking the password, so waiting is the only way on.
- **Per network address.** After HUB_SIGNIN_ADDRESS_FREE_FAILURES failures from one address
  (for any accounts; sized for an office or a proxy), the same back-off for that address,
  except on recently used devices and for accounts with two-factor authentication.
- **The owner is told.** When an account reaches HUB_SIGNIN_ALERT_FAILURES failures, its owner
  gets an e-mail (at most one a day) saying so and what to do.

Failures are forgotten HUB_SIGNIN_WINDOW_SECONDS after the last one; a successful sign-in
forgets those of its account and address. Counters live in the cache (Redis in production), so
all workers share them; when the cache is unreachable they are skipped (see hub.base.resilience)
and sign-in works with allauth's per-address attempt limit only.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction

logger = logging.getLogger(__name__)
DEVICE_COOKIE = "hub_device"
_DEVICE_SALT = "hub.base.signin.device"


def _now() -> float:
    return time.time()


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


def _login(credentials: dict) -> str:
    return str(credentials.get("email") or credentials.get("username") or "").strip().lower()


def _keys(login: str, address: str) -> dict[str, str]:
    return {
        "pair": "signin:pair:" + _digest(login, address),
        "account": "signin:account:" + _digest(login),
        "address": "signin:address:" + _digest(address),
    }


def _delay(failures: int, free: int) -> float:
    """Seconds to wait after `failures` failures when `free` of them cost nothing."""
    if failures < free:
        return 0.0
    doublings = min(failures - free, 30)
    return min(settings.HUB_SIGNIN_BACKOFF_SECONDS * 2**doublings,
               settings.HUB_SIGNIN_BACKOFF_MAX_SECONDS)  # fmt: skip


def _wait(state: dict | None, free: int) -> float:
    if not state:
        return 0.0
    return max(0.0, state["at"] + _delay(state["n"], free) - _now())


def _address(request) -> str:
    from allauth.account.adapter import get_adapter

    return get_adapter(request).get_client_ip(request)


def trusted_device(request, login: str) -> bool:
    """Whether this browser signed in to the account of `login` recently."""
    value = request.COOKIES.get(DEVICE_COOKIE)
    if not value:
        return False
    try:
        known = signing.loads(
            value, salt=_DEVICE_SALT, max_age=settings.HUB_SIGNIN_TRUSTED_DEVICE_DAYS * 86400
        )
    except signing.BadSignature:
        return False
    return isinstance(known, list) and _digest(login) in known


def _has_second_factor(login: str) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(
        user__email__iexact=login, type=Authenticator.Type.TOTP
    ).exists()


def check(request, credentials: dict) -> None:
    """Refuse the attempt, without checking the password, while its back-off lasts."""
    login, address = _login(credentials), _address(request)
    keys = _keys(login, address)
    states = cache.get_many(list(keys.values()))
    pair = _wait(states.get(keys["pair"]), settings.HUB_SIGNIN_FREE_FAILURES)
    wider = max(
        _wait(states.get(keys["account"]), settings.HUB_SIGNIN_ACCOUNT_FREE_FAILURES),
        _wait(states.get(keys["address"]), settings.HUB_SIGNIN_ADDRESS_FREE_FAILURES),
    )
    if wider and (trusted_device(request, login) or _has_second_factor(login)):
        wider = 0.0
    wait = max(pair, wider)
    if wait:
        seconds = math.ceil(wait)
        raise ValidationError(
            "Too many failed sign-in attempts. Wait "
            + (f"{seconds} seconds" if seconds < 120 else f"{math.ceil(seconds / 60)} minutes")
            + " and try again. If you have forgotten your password, reset it.",
            code="too_many_login_attempts",
        )


def failed(request, credentials: dict) -> None:
    """Count a wrong password against the account, the address and the pair of them."""
    login, address = _login(credentials), _address(request)
    now, window = _now(), settings.HUB_SIGNIN_WINDOW_SECONDS
    keys = _keys(login, address)
    states = cache.get_many(list(keys.values()))
    updated = {}
    for key in keys.values():
        state = states.get(key) or {"n": 0}
        updated[key] = {"n": state["n"] + 1, "at": now}
    cache.set_many(updated, timeout=window)
    if updated[keys["account"]]["n"] >= settings.HUB_SIGNIN_ALERT_FAILURES:
        _alert_owner(login, updated[keys["account"]]["n"], address)


def succeeded(request, login: str) -> None:
    """Forget the failures of this account from this address."""
    cache.delete(_keys(login, _address(request))["pair"])


def _alert_owner(login: str, failures: int, address: str) -> None:
    if not cache.add("signin:alerted:" + _digest(login), True, timeout=86400):
        return
    from hub.base.models import User
    from hub.base.tasks import send_email

    user = User.objects.filter(email__iexact=login, is_active=True).first()
    if user is None:
        return
    body = (
        f"Hello {user.username},\n\n"
        f"Someone has tried to sign in to your {settings.SITE_NAME} account {failures} times "
        f"with a wrong password, most recently from the network address {address}.\n\n"
        "If it was you, there is nothing to do. If it was not, your account is safe as long as "
        "your password is not used anywhere else: nobody can sign in without it, and the "
        "attempts are being slowed down. You can still sign in as usual.\n\n"
        "To be safer, change your password and turn on two-factor authentication on your "
        "account page:\n"
        f"{settings.SITE_URL}/accounts/2fa/\n"
    )
    transaction.on_commit(
        lambda: send_email.enqueue(
            to=[user.email],
            subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}Failed attempts to sign in to "
            "your account",
            body=body,
        )
    )


def remember_device(request, response, user) -> None:
    """After a complete sign-in (password and any second factor), mark this browser as a
    recently used device of the account (allauth's user_logged_in signal)."""
    login = (user.email or "").lower()
    if not login or response is None:
        return
    succeeded(request, login)
    known = []
    value = request.COOKIES.get(DEVICE_COOKIE)
    if value:
        try:
            known = signing.loads(value, salt=_DEVICE_SALT)
        except signing.BadSignature:
            known = []
    digest = _digest(login)
    known = [digest, *[item for item in known if item != digest]][:5]
    response.set_cookie(
        DEVICE_COOKIE,
        signing.dumps(known, salt=_DEVICE_SALT),
        max_age=settings.HUB_SIGNIN_TRUSTED_DEVICE_DAYS * 86400,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def connect() -> None:
    from allauth.account.signals import user_logged_in

    def on_login(sender, request, user, response=None, **kwargs):
        remember_device(request, response, user)

    user_logged_in.connect(on_login, weak=False, dispatch_uid="hub.base.signin")
