"""Settings for the Good Practice Hub, driven by environment variables.

Safe for development by default (DEBUG on, SQLite, local-memory cache, console email).
Production sets DJANGO_DEBUG=false and DJANGO_SECRET_KEY; see README.md.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", True)

SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            '(python -c "import secrets; print(secrets.token_urlsafe(50))").'
        )
    SECRET_KEY = "development-only-insecure-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

SITE_NAME = "Good Practice Hub"
WAGTAIL_SITE_NAME = SITE_NAME
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
SITE_ID = 1

INSTALLED_APPS = [
    # The base, then the apps, then the site on top (docs/development.md, "Layers").
    "hub.base",
    "cases",
    "forum",
    "toolkits",
    "hub.site",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "hub.base.apps.WagtailUsersConfig",  # wagtail.users, deleting through the erasure
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # Refuses a body over HUB_REQUEST_MAX_BYTES before anything reads it (hub.base.security).
    "hub.base.security.RequestSizeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # A 403 page for the admin for members without access, Cache-Control: private on signed-in
    # pages, and Permissions-Policy (hub.base.security).
    "hub.base.security.SecurityMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]
if env("DATABASE_REPLICA_URL"):
    # Marks read-only requests, so the database router may send their reads to the replica.
    MIDDLEWARE.insert(0, "hub.base.db_router.ReadOnlyRequestMiddleware")
if env_int("HUB_ANONYMOUS_CACHE_SECONDS", 0):
    # Lets a CDN or proxy keep anonymous pages for that long (hub.cache_headers).
    MIDDLEWARE.insert(0, "hub.base.cache_headers.AnonymousCacheControlMiddleware")

ROOT_URLCONF = "hub.site.urls"
# The base app keeps its label "hub" and its migrations where they were.
MIGRATION_MODULES = {"hub": "hub.migrations"}
WSGI_APPLICATION = "hub.wsgi.application"

_template_loaders = [
    "django.template.loaders.filesystem.Loader",
    "django.template.loaders.app_directories.Loader",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hub.site.context_processors.site",
                "hub.base.context_processors.notifications",
            ],
            # The cached loader in production; plain loaders while developing so edits show.
            "loaders": _template_loaders
            if DEBUG
            else [("django.template.loaders.cached.Loader", _template_loaders)],
        },
    },
]

# Database: SQLite by default, anything dj-database-url understands by DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0 if DEBUG else 60),
        conn_health_checks=True,
    )
}
# Scale-out: a read replica for read-only requests (hub.db_router); off unless the URL is set.
if env("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        env("DATABASE_REPLICA_URL"),
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
        test_options={"MIRROR": "default"},  # tests have no replica: read the primary
    )
    # Fail fast when the replica is down, so reads fall back to the primary (hub.base.db_router).
    DATABASES["replica"].setdefault("OPTIONS", {})["connect_timeout"] = env_int(
        "DATABASE_REPLICA_CONNECT_TIMEOUT", 2
    )
    DATABASE_REPLICA_RETRY_SECONDS = env_int("DATABASE_REPLICA_RETRY_SECONDS", 30)
    DATABASE_ROUTERS = ["hub.base.db_router.ReplicaRouter"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions take the write lock up front, so two concurrent writers wait
    # for each other (busy_timeout) instead of one failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis by REDIS_URL, else local memory. Rate limits (allauth and our own) use it.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, but an unreachable Redis is a miss, not an error
            # (hub.base.resilient_cache); a dead server is given up on after these timeouts.
            "BACKEND": "hub.base.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "hub"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
    # Sessions in Redis too (written through to the database, so a Redis restart signs
    # nobody out); DJANGO_SESSION_ENGINE=cache keeps them in Redis alone.
    SESSION_ENGINE = "django.contrib.sessions.backends." + env("DJANGO_SESSION_ENGINE", "cached_db")
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# With Redis unreachable, skip the cache for this long after an error, then try again; rate
# limits fail open meanwhile (no counters, nothing over a limit), as the README explains.
HUB_CACHE_RETRY_SECONDS = env_int("HUB_CACHE_RETRY_SECONDS", 5)
RATELIMIT_FAIL_OPEN = True

AUTH_USER_MODEL = "hub.User"
AUTHENTICATION_BACKENDS = [
    # ModelBackend with each member's permission set in the cache (one less pair of queries on
    # every signed-in page); hub.base.auth_backends says what drops it.
    "hub.base.auth_backends.CachedPermissionsBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if env_bool("FAST_PASSWORD_HASHER", False):
    # For the test suite only: hashing is deliberately slow, and tests create many users.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
WAGTAILADMIN_LOGIN_URL = "account_login"

# Accounts (django-allauth): sign in by email, mandatory verification, no enumeration.
ACCOUNT_ADAPTER = "hub.base.adapters.AccountAdapter"
ACCOUNT_FORMS = {"login": "hub.base.forms.LoginForm", "signup": "hub.base.forms.SignupForm"}
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# A field browsers never autofill, so only bots fill it in.
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "referral_code"
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_USERNAME_MIN_LENGTH = 3
ACCOUNT_USERNAME_BLACKLIST = ["admin", "administrator", "moderator", "hub", "root", "support"]

# Sign in with an organisation's identity provider (OpenID Connect); off unless configured.
# hub.base.sso explains what verified e-mail domains add.
SOCIALACCOUNT_ADAPTER = "hub.base.sso.SocialAccountAdapter"
SOCIALACCOUNT_PROVIDERS = {
    "openid_connect": {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": os.environ.get("HUB_OIDC_PROVIDER_ID", "organisation"),
                "name": os.environ.get("HUB_OIDC_NAME", "your organisation"),
                "client_id": os.environ["HUB_OIDC_CLIENT_ID"],
                "secret": os.environ.get("HUB_OIDC_SECRET", ""),
                "settings": {"server_url": os.environ["HUB_OIDC_SERVER_URL"]},
            }
        ]
        if os.environ.get("HUB_OIDC_CLIENT_ID") and os.environ.get("HUB_OIDC_SERVER_URL")
        else [],
    }
}
# An existing account on a verified domain is linked at its first SSO sign-in (hub.base.sso).
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_LOGIN_ON_GET = False  # the button posts, so a link elsewhere cannot start a sign-in
HUB_OIDC_ORIGINS = [
    f"{url.scheme}://{url.netloc}"
    for url in (
        urlsplit(app["settings"]["server_url"])
        for app in SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"]
    )
]
# Sign-in attempts from one address (an office or a proxy shares one), and password-reset
# e-mails per address and per account. Failed passwords are not locked out but slowed down by
# hub.base.signin (HUB_SIGNIN_* below), which replaces allauth's check of `login_failed`; allauth
# still uses that limit for wrong second-factor codes, per account (after the right password).
HUB_SIGNIN_ATTEMPTS_PER_MINUTE = env_int("HUB_SIGNIN_ATTEMPTS_PER_MINUTE", 300)
HUB_PASSWORD_RESETS_PER_HOUR = env_int("HUB_PASSWORD_RESETS_PER_HOUR", 3)
HUB_PASSWORD_RESETS_PER_DAY = env_int("HUB_PASSWORD_RESETS_PER_DAY", 6)
ACCOUNT_RATE_LIMITS = {
    "login": f"{HUB_SIGNIN_ATTEMPTS_PER_MINUTE}/m/ip",
    "login_failed": "30/m/ip,5/5m/key",
    "reset_password": (
        f"20/m/ip,{HUB_PASSWORD_RESETS_PER_HOUR}/h/key,{HUB_PASSWORD_RESETS_PER_DAY}/d/key"
    ),
}
# Behind N proxies that append to X-Forwarded-For, the client's address is the Nth from the end;
# without this every sign-in would seem to come from the proxy (one address for the whole site).
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("HUB_TRUSTED_PROXY_COUNT", 0)
HUB_SIGNIN_FREE_FAILURES = env_int("HUB_SIGNIN_FREE_FAILURES", 5)
HUB_SIGNIN_ACCOUNT_FREE_FAILURES = env_int("HUB_SIGNIN_ACCOUNT_FREE_FAILURES", 20)
HUB_SIGNIN_ADDRESS_FREE_FAILURES = env_int("HUB_SIGNIN_ADDRESS_FREE_FAILURES", 100)
HUB_SIGNIN_BACKOFF_SECONDS = env_int("HUB_SIGNIN_BACKOFF_SECONDS", 2)
HUB_SIGNIN_BACKOFF_MAX_SECONDS = env_int("HUB_SIGNIN_BACKOFF_MAX_SECONDS", 900)
HUB_SIGNIN_WINDOW_SECONDS = env_int("HUB_SIGNIN_WINDOW_SECONDS", 86400)
HUB_SIGNIN_ALERT_FAILURES = env_int("HUB_SIGNIN_ALERT_FAILURES", 10)
HUB_SIGNIN_TRUSTED_DEVICE_DAYS = env_int("HUB_SIGNIN_TRUSTED_DEVICE_DAYS", 90)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME

# Email: console while developing, a file folder by EMAIL_BACKEND=file, SMTP when EMAIL_HOST is set.
EMAIL_HOST = env("EMAIL_HOST")
_email_backends = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}
_email_choice = env("EMAIL_BACKEND", "smtp" if EMAIL_HOST else "console")
EMAIL_BACKEND = _email_backends.get(_email_choice, _email_choice)
EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "mail"))
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Good Practice Hub <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background work: django-tasks, run immediately by default; the database backend in production.
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"),
    }
}
# Scale-out: TASKS_BACKEND=django_tasks_db.DatabaseBackend queues tasks in the database for
# `manage.py db_worker` processes (django-tasks-db), instead of running them in the request.
if TASKS["default"]["BACKEND"].startswith("django_tasks_db."):
    INSTALLED_APPS.append("django_tasks_db")

LANGUAGE_CODE = "en-gb"
LOCALE_PATHS = [BASE_DIR / "locale"]  # sentence-case versions of allauth's Title Case strings
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Compressed, content-hashed files outside DEBUG (run collectstatic first).
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# A request body larger than this is refused (413) before it is read: the largest upload (a 10 MB
# document or image) plus the form around it. The proxy in front should refuse the same
# (nginx: client_max_body_size 12m). Form fields other than files: at most 2.5 MB; files over
# FILE_UPLOAD_MAX_MEMORY_SIZE go to a temporary file while the request is handled.
HUB_REQUEST_MAX_BYTES = env_int("HUB_REQUEST_MAX_BYTES", 12 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Search: Wagtail's database backend (SQLite FTS5 here); on PostgreSQL its subclass that ranks a
# bounded set of candidates for the models in BOUNDED (hub.base.search_backend), so a word found in
# a million posts is ranked over the `candidates` best-placed matches, not all of them. App code
# calls Wagtail's search API only: the backend is a settings choice.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "hub.base.search_backend",
        # Model label: rank at least `candidates` matches (more if a search asks for more
        # results; the hub-wide search's previews ask for 3, so this is what they rank, while
        # they count up to 500); `newest_first` takes the most recently indexed matches, right
        # for a model indexed last and matched often (posts), slow for one far back in the
        # index; `own_index` matches through the model's own partial index
        # (search_backend.model_index, made by the owning app's migration), right for a model
        # with many entries far back.
        "BOUNDED": {
            "cases.casestudy": {"candidates": 100, "own_index": True},
            "cases.performancerecord": {"candidates": 100},
            "forum.thread": {"candidates": 100, "own_index": True},
            "forum.post": {"candidates": 100, "newest_first": True},
            "hub.organisation": {"candidates": 100},
        },
    }
# Scale-out: OPENSEARCH_URL moves search to OpenSearch (pip install opensearch-py; then run
# `manage.py update_index`). The database backend stays the default.
if env("OPENSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "wagtail.search.backends.opensearch" + env("OPENSEARCH_VERSION", "2"),
        "URLS": [env("OPENSEARCH_URL")],
        "INDEX": env("OPENSEARCH_INDEX", "hub"),
        "TIMEOUT": env_int("OPENSEARCH_TIMEOUT", 5),
    }
# Scale-out: media (uploads, images, documents) on S3-compatible storage by django-storages
# (pip install boto3) when AWS_STORAGE_BUCKET_NAME is set; credentials come from the usual
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables or the instance role.
if env("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env("AWS_S3_REGION_NAME") or None,
            "custom_domain": env("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
            "file_overwrite": False,
        },
    }
# Scale-out: a CDN in front, purged by Wagtail when a page is published or unpublished.
# FRONTEND_CACHE=cloudflare|cloudfront|http, with the backend's own variables (README).
_frontend_cache = env("FRONTEND_CACHE")
if _frontend_cache:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    _frontend_backends = {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": env("CLOUDFLARE_BEARER_TOKEN"),
            "ZONEID": env("CLOUDFLARE_ZONE_ID"),
        },
        "cloudfront": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": env("CLOUDFRONT_DISTRIBUTION_ID"),
        },
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env("FRONTEND_CACHE_LOCATION", "http://127.0.0.1:8000"),
        },
    }
    if _frontend_cache not in _frontend_backends:
        raise ImproperlyConfigured("FRONTEND_CACHE must be cloudflare, cloudfront or http.")
    WAGTAILFRONTENDCACHE = {"default": _frontend_backends[_frontend_cache]}
# Anonymous pages say how long a shared cache (a CDN) may keep them; signed-in ones never.
HUB_ANONYMOUS_CACHE_SECONDS = env_int("HUB_ANONYMOUS_CACHE_SECONDS", 0)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Documents go through Django (with nosniff and a CSP), never straight from the media URL, and
# download as attachments; only PDFs and plain text open in the browser. Markup types that
# might slip in are served as opaque bytes. Uploads are checked by content, not just by name.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
WAGTAILDOCS_CONTENT_TYPES = {
    "csv": "text/csv",
    "txt": "text/plain",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    **dict.fromkeys(
        ["htm", "html", "svg", "svgz", "xhtml", "xml", "js"], "application/octet-stream"
    ),
}
WAGTAILDOCS_DOCUMENT_FORM_BASE = "toolkits.documents.SafeDocumentForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# An image that decompresses to more pixels than this is refused before it is decoded (a small
# PNG can claim to be 100,000 x 100,000).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000)
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False  # passwords are managed through the account pages
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = False

# Content-Security-Policy on the site's pages. The Wagtail admin writes inline scripts and styles
# (its panels and date widgets), so it has its own policy, HUB_ADMIN_CSP (hub.base.security).
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        # The SSO button's form is redirected to the identity provider, which form-action covers.
        "form-action": [SELF, *HUB_OIDC_ORIGINS],
        "frame-ancestors": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

HUB_ADMIN_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-src 'self'; "
    "media-src 'self'; worker-src 'self' blob:; form-action 'self'; frame-ancestors 'self'; "
    "base-uri 'self'; object-src 'none'"
)
# Avatars in the admin come from the hub, not from gravatar.com (which the CSP would refuse).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask releases.wagtail.org for a newer version (the CSP refuses it too).
WAGTAIL_ENABLE_UPDATE_CHECK = False

# HTTPS and cookies: strict outside DEBUG. Behind a TLS-terminating proxy set
# DJANGO_SECURE_PROXY_SSL_HEADER=true so Django trusts X-Forwarded-Proto.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# DJANGO_SECURE_COOKIES=false only for a production-like stack on plain-HTTP loopback
# (make serve-prod, make loadtest); anywhere reachable it stays on.
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Browser features the hub never uses, turned off for its pages and anything they embed.
HUB_PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
)
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views override this to SAMEORIGIN themselves.
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # One line per task run and page save is noise in development and in tests.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Hub-specific limits.
HUB_PAGE_SIZE = 20
HUB_JOIN_REQUESTS_PER_HOUR = env_int("HUB_JOIN_REQUESTS_PER_HOUR", 10)
HUB_ORGANISATIONS_PER_DAY = env_int("HUB_ORGANISATIONS_PER_DAY", 5)
HUB_CASE_STUDIES_PER_DAY = env_int("HUB_CASE_STUDIES_PER_DAY", 20)
HUB_RATINGS_PER_HOUR = env_int("HUB_RATINGS_PER_HOUR", 60)
HUB_COMMENTS_PER_HOUR = env_int("HUB_COMMENTS_PER_HOUR", 30)
HUB_FLAGS_PER_HOUR = env_int("HUB_FLAGS_PER_HOUR", 20)
# Claimant feedback: results are shown only from this many responses (an organisation's, a
# stage's, a quarter's), complaint themes only from this many organisations; answers are
# limited per address and per link (counted in the cache under hashed keys, never stored).
HUB_FEEDBACK_MIN_RESPONSES = env_int("HUB_FEEDBACK_MIN_RESPONSES", 10)
HUB_FEEDBACK_MIN_ORGANISATIONS = env_int("HUB_FEEDBACK_MIN_ORGANISATIONS", 3)
HUB_FEEDBACK_PER_HOUR = env_int("HUB_FEEDBACK_PER_HOUR", 5)
HUB_FEEDBACK_LINK_PER_HOUR = env_int("HUB_FEEDBACK_LINK_PER_HOUR", 120)
HUB_WORKSHOP_PROPOSALS_PER_DAY = env_int("HUB_WORKSHOP_PROPOSALS_PER_DAY", 10)
HUB_SCENARIOS_PER_HOUR = env_int("HUB_SCENARIOS_PER_HOUR", 30)
HUB_STANDARDS_SAVES_PER_HOUR = env_int("HUB_STANDARDS_SAVES_PER_HOUR", 60)
# Supply chains (toolkits.supplychains): opportunities published, expressions of interest sent,
# alerts added and conduct feedback given, per member per hour, all together.
HUB_SUPPLY_CHAIN_ACTIONS_PER_HOUR = env_int("HUB_SUPPLY_CHAIN_ACTIONS_PER_HOUR", 30)
# Conduct feedback on a prime is shown only as aggregates, and only once at least this many
# different organisations have answered for the year (never fewer than 2, whatever is set).
HUB_CONDUCT_MIN_ORGANISATIONS = max(2, env_int("HUB_CONDUCT_MIN_ORGANISATIONS", 5))
# Where a subcontractor goes for independent mediation with a prime (the Merlin Standard's route).
HUB_CONDUCT_MEDIATION_URL = os.environ.get(
    "HUB_CONDUCT_MEDIATION_URL", "https://www.merlinstandard.co.uk/"
)
# Searches a minute, on every search box together: from one address for visitors who are not
# signed in, and for each signed-in member.
HUB_SEARCHES_PER_MINUTE = env_int("HUB_SEARCHES_PER_MINUTE", 30)
HUB_MEMBER_SEARCHES_PER_MINUTE = env_int("HUB_MEMBER_SEARCHES_PER_MINUTE", 120)

# The forum: page sizes and the limits on new members (accounts younger than FORUM_NEW_MEMBER_DAYS).
FORUM_POSTS_PER_PAGE = env_int("FORUM_POSTS_PER_PAGE", 20)
FORUM_THREADS_PER_PAGE = env_int("FORUM_THREADS_PER_PAGE", 30)
FORUM_NEW_MEMBER_DAYS = env_int("FORUM_NEW_MEMBER_DAYS", 7)
FORUM_NEW_MEMBER_THREADS_PER_DAY = env_int("FORUM_NEW_MEMBER_THREADS_PER_DAY", 3)
FORUM_NEW_MEMBER_REPLIES_PER_DAY = env_int("FORUM_NEW_MEMBER_REPLIES_PER_DAY", 20)
FORUM_NEW_MEMBER_LINKS_PER_POST = env_int("FORUM_NEW_MEMBER_LINKS_PER_POST", 2)
FORUM_SECONDS_BETWEEN_POSTS = env_int("FORUM_SECONDS_BETWEEN_POSTS", 15)
# Limits for every member, however long they have been one.
FORUM_THREADS_PER_HOUR = env_int("FORUM_THREADS_PER_HOUR", 5)
FORUM_REPLIES_PER_MINUTE = env_int("FORUM_REPLIES_PER_MINUTE", 5)
FORUM_REPLIES_PER_HOUR = env_int("FORUM_REPLIES_PER_HOUR", 60)
# Private messages: people in one conversation (the sender included), and the limits on sending.
FORUM_CONVERSATION_MAX_PEOPLE = env_int("FORUM_CONVERSATION_MAX_PEOPLE", 8)
FORUM_MESSAGES_PER_HOUR = env_int("FORUM_MESSAGES_PER_HOUR", 60)
FORUM_NEW_MEMBER_MESSAGES_PER_HOUR = env_int("FORUM_NEW_MEMBER_MESSAGES_PER_HOUR", 10)
FORUM_NEW_MEMBER_CONVERSATIONS_PER_DAY = env_int("FORUM_NEW_MEMBER_CONVERSATIONS_PER_DAY", 3)
# Moderation (hub.base.moderation): the weight of open reports, in established members' reports,
# that hides a case study, comment or post until a moderator reviews it. FORUM_FLAGS_TO_HIDE is
# its older name and still read when MODERATION_REPORTS_TO_HIDE is not set.
MODERATION_REPORTS_TO_HIDE = env_int(
    "MODERATION_REPORTS_TO_HIDE", env_int("FORUM_FLAGS_TO_HIDE", 3)
)

# Benchmarks (cases.performance.benchmarks): the fewest peers, the subject included, for which
# a benchmark shows quartiles, box plots, percentile ranks and quarters; below it, it says "not
# enough data to compare" and lists the records. Never below 4 (a quarter needs four values).
HUB_BENCHMARK_MIN_PEERS = max(4, env_int("HUB_BENCHMARK_MIN_PEERS", 5))

# Performance-record uploads: the largest file (bytes) and the most records one upload may hold.
HUB_UPLOAD_MAX_BYTES = env_int("HUB_UPLOAD_MAX_BYTES", 2 * 1024 * 1024)
HUB_UPLOAD_MAX_ROWS = env_int("HUB_UPLOAD_MAX_ROWS", 2000)
# What reading one uploaded file may cost, checked while it is read (hub.base.readguard): the
# columns of any row, the cells of the whole file, the characters of one cell, and seconds.
HUB_UPLOAD_MAX_COLUMNS = env_int("HUB_UPLOAD_MAX_COLUMNS", 50)
HUB_UPLOAD_MAX_CELLS = env_int("HUB_UPLOAD_MAX_CELLS", 200_000)
HUB_UPLOAD_MAX_CELL_CHARS = env_int("HUB_UPLOAD_MAX_CELL_CHARS", 1000)
HUB_UPLOAD_READ_SECONDS = env_int("HUB_UPLOAD_READ_SECONDS", 5)

# A member's rights (hub.base.accounts, hub.base.personal_data, manage.py apply_retention).
# A data download with more rows than this is made by a background task, which notifies the
# member with a link; stored downloads are deleted after HUB_DATA_EXPORT_KEEP_DAYS.
HUB_DATA_EXPORT_INLINE_ROWS = env_int("HUB_DATA_EXPORT_INLINE_ROWS", 2000)
HUB_DATA_EXPORT_KEEP_DAYS = env_int("HUB_DATA_EXPORT_KEEP_DAYS", 7)
# Read notifications are deleted this many days after they were read.
HUB_READ_NOTIFICATIONS_KEEP_DAYS = env_int("HUB_READ_NOTIFICATIONS_KEEP_DAYS", 90)
# Who runs the hub (the data controller) and where members write about their data or
# accessibility; both appear in the privacy notice, the accessibility statement and emails.
HUB_OPERATOR = env("HUB_OPERATOR", "The Good Practice Hub team")
HUB_CONTACT_EMAIL = env("HUB_CONTACT_EMAIL", "hello@goodpracticehub.example")
