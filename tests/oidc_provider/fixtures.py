"""The `oidc_provider` fixture: a real OpenID Connect provider in a separate process on
loopback, and the hub configured to use it (as HUB_OIDC_* would configure it)."""

import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROVIDER_ID = "example-idp"
NAME = "Example Council"
CLIENT_ID = "hub-client"
SECRET = "hub-client-secret-for-tests"  # noqa: S105
CALLBACK = f"/accounts/oidc/{PROVIDER_ID}/login/callback/"


@dataclass
class Person:
    username: str
    password: str
    email: str
    given_name: str
    family_name: str


PERSON = Person("priya", "provider-password-1", "priya.shah@council.example.org", "Priya", "Shah")


@dataclass
class Provider:
    url: str
    person: Person

    @property
    def server_url(self) -> str:
        return f"{self.url}/o"

    def app(self) -> dict:
        return {
            "provider_id": PROVIDER_ID,
            "name": NAME,
            "client_id": CLIENT_ID,
            "secret": SECRET,
            "settings": {"server_url": self.server_url},
        }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def oidc_provider_process(tmp_path_factory):
    port = _free_port()
    # Loopback redirect URIs match on any port (RFC 8252), so one registration serves the test
    # client (testserver) and the live server.
    redirects = " ".join(
        f"http://{host}{CALLBACK}" for host in ("testserver", "localhost", "127.0.0.1")
    )
    log = (tmp_path_factory.mktemp("oidc") / "provider.log").open("w+")
    process = subprocess.Popen(  # noqa: S603 - our own test provider, fixed arguments
        [
            sys.executable,
            "-m",
            "tests.oidc_provider.serve",
            str(port),
            str(tmp_path_factory.mktemp("oidc-db") / "provider.sqlite3"),
            CLIENT_ID,
            SECRET,
            redirects,
            PERSON.username,
            PERSON.password,
            PERSON.email,
            PERSON.given_name,
            PERSON.family_name,
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/o/.well-known/openid-configuration") as response:  # noqa: S310
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            log.seek(0)
            pytest.fail(f"The test OpenID Connect provider did not start:\n{log.read()}")
        time.sleep(0.2)
    yield Provider(url=url, person=PERSON)
    process.terminate()
    process.wait(timeout=10)
    log.close()


@pytest.fixture
def oidc_provider(oidc_provider_process, settings):
    """The hub signs in through the test provider for this test."""
    app = oidc_provider_process.app()
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {"OAUTH_PKCE_ENABLED": True, "APPS": [app]}
    }
    csp = settings.CONTENT_SECURITY_POLICY
    directives = {**csp["DIRECTIVES"]}
    directives["form-action"] = [*directives["form-action"], oidc_provider_process.url]
    settings.CONTENT_SECURITY_POLICY = {**csp, "DIRECTIVES": directives}
    return oidc_provider_process
