"""Start the test OpenID Connect provider: migrate a fresh SQLite file, add one user and one
client, and serve on 127.0.0.1:PORT until killed.

    python -m tests.oidc_provider.serve PORT DB_PATH CLIENT_ID SECRET REDIRECT_URI \
        USERNAME PASSWORD EMAIL GIVEN_NAME FAMILY_NAME
"""

import os
import sys


def main(argv: list[str]) -> None:
    port, db, client_id, secret, redirect_uri, username, password, email, given, family = argv
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.oidc_provider.settings"
    os.environ["OIDC_PROVIDER_DB"] = db
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from oauth2_provider.models import Application

    call_command("migrate", verbosity=0, interactive=False)
    User.objects.create_user(
        username, email=email, password=password, first_name=given, last_name=family
    )
    Application.objects.create(
        name="hub",
        client_id=client_id,
        client_secret=secret,
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=redirect_uri,
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )
    call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, use_threading=True)


if __name__ == "__main__":
    main(sys.argv[1:])
