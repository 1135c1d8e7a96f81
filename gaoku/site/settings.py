"""Django settings, all from the environment with safe defaults for the embedded set-up.

GAOKU_DATA        data directory (default ./gaoku-data): SQLite database, secret key
DATABASE_URL      e.g. postgres://user@host/db; SQLite in GAOKU_DATA when unset
GAOKU_SECRET_KEY  overrides the key that `gaoku init` writes to GAOKU_DATA/secret_key
GAOKU_DEBUG       "1" for Django's debug mode
GAOKU_ALLOWED_HOSTS  comma-separated (default: localhost names)
GAOKU_MAX_IMPORT_MB  largest importable file (default 20)
GAOKU_MAX_REQUEST_MB  largest request body, refused before it is read (default 200)
GAOKU_PREVIEW_CHARS  length of the free preview (default 300)
GAOKU_RATE_UPLOADS_PER_HOUR / _CHECKS_PER_HOUR / GAOKU_RATE_REPORTS_PER_DAY /
    GAOKU_RATE_NEEDS_PER_DAY  per-account limits (default 300 files, 120 checks, 10
    reports, 5 requests)
GAOKU_REPORT_REWARD_DAYS  days of membership a confirmed report of resale earns (365)
GAOKU_QUOTA_DOWNLOADS_PER_HOUR / _PER_DAY  a member's downloads (default 30, 100; a plan
    may set its own)
GAOKU_QUOTA_VIEWS_PER_HOUR / _PER_DAY  a member's full-text readings (default 60, 300)
GAOKU_SIGNIN_MAX_FAILURES / _MAX_SOURCE_FAILURES / _LOCK_MINUTES  sign-in lockout
    (default 5 failures per account, 20 per client address, within 15 minutes)
GAOKU_TRUSTED_PROXY  address of a reverse proxy whose X-Forwarded-For (and, with
    GAOKU_HTTPS, X-Forwarded-Proto) is believed
GAOKU_HTTPS       "1" when the site is served over HTTPS: secure cookies, HSTS, redirects
GAOKU_FINGERPRINT_KEY  overrides the key that `gaoku init` writes to
    GAOKU_DATA/fingerprint_key; every copy's marks depend on it: back it up, never change it
GAOKU_COPY_NOTICE  the visible notice on every copy; {code} is the member's display code
    (default "仅供学习 禁止外传 · {code}")
GAOKU_TRACE_LEVEL  false-accusation level of leak traces (default 1e-6)
GAOKU_REFERENCE_CORPUS  folder of .txt files of published official writing: the phrases
    that recur in it keep their wording in copies, and a copy's wordings must be found
    in it or in the library (default: none, the library alone)
GAOKU_RENEWAL_NOTE / GAOKU_RENEWAL_URL  how members renew (shown a week before the end)
GAOKU_SITE_URL    the site's address as members reach it, for links sent out (webhooks)
GAOKU_CONTACT     how to reach the operator (QQ群, 微信, email), in the footer and on the
    plans and forgotten-password pages
GAOKU_SMTP_URL    e.g. submission://user:password@smtp.example.com:587 (STARTTLS), or
    smtp://…:465?ssl=True: members reset a forgotten password by email (without it, an
    admin makes them a one-time link)
GAOKU_MAIL_FROM   the sender of those emails (default the SMTP user)
GAOKU_DB_POOL     PostgreSQL connections per process (default: one per thread below)
GAOKU_REQUEST_THREADS  threads per server process that run requests (default 8)
GAOKU_RENDER_THREADS   threads per server process kept for making downloaded copies
    (default 0: they are made on the request threads; see gaoku.site.handler)
GAOKU_REDIS_URL   e.g. redis://127.0.0.1:6379/0: background tasks in Redis (RQ) instead of
    the database, for workers on several machines
GAOKU_SEARCH_DIR  folder of the embedded search index (default GAOKU_DATA/search-index;
    unused on PostgreSQL, which indexes in the database)
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
import dj_email_url
from csp.constants import NONE, SELF

from gaoku.site.datadir import FINGERPRINT_KEY_NAME, SECRET_KEY_NAME

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("GAOKU_DATA", "gaoku-data")).resolve()
SECRET_KEY_FILE = DATA_DIR / SECRET_KEY_NAME


def _secret_key() -> str:
    if key := os.environ.get("GAOKU_SECRET_KEY"):
        return key
    if SECRET_KEY_FILE.exists():
        return SECRET_KEY_FILE.read_text().strip()
    # Before `gaoku init` (tests, one-off commands): a key for this process only.
    return secrets.token_urlsafe(50)


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("GAOKU_DEBUG") == "1"
ALLOWED_HOSTS = os.environ.get("GAOKU_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("GAOKU_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "gaoku.accounts",
    "gaoku.library",
    "gaoku.members",
    "gaoku.copies",
    "gaoku.traces",
    "gaoku.reports",
    "gaoku.needs",
    "gaoku.search",
    "gaoku.ops",
    "gaoku.live",
    "csp",
]

MIDDLEWARE = [
    "gaoku.site.requestid.RequestIdMiddleware",
    "gaoku.site.memo.RequestMemoMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "gaoku.ops.audit.AuditSourceMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "gaoku.accounts.devices.ReplacedDeviceMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "gaoku.site.apierrors.ApiErrorMiddleware",
]

# Warnings and errors of Django and Gaoku (a refused copy, a failed index write, a 500)
# go to stderr, each line with its request's id; `gaoku` commands other than `serve`
# drop the handler, so that their stderr stays one line (gaoku.cli.base.setup).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "gaoku.site.requestid.RequestIdFilter"}},
    "formatters": {
        "line": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "line",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "django": {"level": "WARNING", "handlers": [], "propagate": True},
        "pypdf": {"level": "ERROR"},
    },
}

# Content Security Policy (django-csp): scripts, styles and everything else from this site
# only; no inline script or style anywhere in the templates, the admin's included.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Behind HTTPS (GAOKU_HTTPS=1): cookies only over HTTPS, HSTS for a year, plain HTTP
# redirected. Behind a reverse proxy that ends TLS, its X-Forwarded-Proto is believed only
# when GAOKU_TRUSTED_PROXY names it (the proxy must set the header itself).
if os.environ.get("GAOKU_HTTPS") == "1":
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    if os.environ.get("GAOKU_TRUSTED_PROXY"):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

ROOT_URLCONF = "gaoku.site.urls"
ASGI_APPLICATION = "gaoku.site.asgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "gaoku.live.context.bell",
                "gaoku.members.context.renewal",
                "gaoku.members.context.operator_contact",
            ],
        },
    },
]

# Threads per server process that run requests (gaoku.site.handler), and those that make the
# copies members download (gaoku.site.handler: a render queues for these instead of taking a
# request thread; 0 runs renders on the request threads).
GAOKU_REQUEST_THREADS = int(os.environ.get("GAOKU_REQUEST_THREADS", "8"))
GAOKU_RENDER_THREADS = int(os.environ.get("GAOKU_RENDER_THREADS", "0"))

if os.environ.get("DATABASE_URL"):
    # A pool per process (psycopg's): each request borrows a connection and gives it back
    # when it ends (connections kept per thread once piled up to "too many clients").
    # GAOKU_DB_POOL sets the pool's size per process (default one per request and render
    # thread, 8: with 2 workers and a background worker, 24 at most).
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=0)}
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": int(
            os.environ.get("GAOKU_DB_POOL", GAOKU_REQUEST_THREADS + GAOKU_RENDER_THREADS)
        ),
        "timeout": 20,
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "gaoku.sqlite3",
            "OPTIONS": {
                # WAL lets readers go on while an import writes; IMMEDIATE avoids the
                # "database is locked" upgrade deadlock between two writers.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
            # Kept open by the server's request threads (gaoku.site.handler): a new SQLite
            # connection per request starts with an empty page cache.
            "CONN_MAX_AGE": None,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = ["gaoku.accounts.lockout.LockoutBackend"]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "library:catalogue"
LOGOUT_REDIRECT_URL = "library:catalogue"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Served straight from the source folders (gaoku/static and the apps'): no collectstatic
# step for the embedded set-up.
WHITENOISE_USE_FINDERS = True

GAOKU_MAX_IMPORT_BYTES = int(os.environ.get("GAOKU_MAX_IMPORT_MB", "20")) * 1024 * 1024
GAOKU_MAX_REQUEST_BYTES = int(os.environ.get("GAOKU_MAX_REQUEST_MB", "200")) * 1024 * 1024
# Uploads above this go to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 200
# Per account and hour (gaoku.ops.ratelimit): files uploaded, originality checks.
GAOKU_RATE_UPLOADS_PER_HOUR = int(os.environ.get("GAOKU_RATE_UPLOADS_PER_HOUR", "300"))
GAOKU_RATE_CHECKS_PER_HOUR = int(os.environ.get("GAOKU_RATE_CHECKS_PER_HOUR", "120"))
GAOKU_RATE_REPORTS_PER_DAY = int(os.environ.get("GAOKU_RATE_REPORTS_PER_DAY", "10"))
GAOKU_RATE_NEEDS_PER_DAY = int(os.environ.get("GAOKU_RATE_NEEDS_PER_DAY", "5"))
# Reports from one client address, whatever the account (many accounts, one person).
GAOKU_RATE_REPORTS_PER_ADDRESS_PER_DAY = int(
    os.environ.get("GAOKU_RATE_REPORTS_PER_ADDRESS_PER_DAY", "30")
)
# A confirmed report of resale earns its reporter this many days of membership.
GAOKU_REPORT_REWARD_DAYS = int(os.environ.get("GAOKU_REPORT_REWARD_DAYS", "365"))
# A member's downloads (gaoku.ops.ratelimit): bulk taking is how accounts are resold.
GAOKU_QUOTA_DOWNLOADS_PER_HOUR = int(os.environ.get("GAOKU_QUOTA_DOWNLOADS_PER_HOUR", "30"))
GAOKU_QUOTA_DOWNLOADS_PER_DAY = int(os.environ.get("GAOKU_QUOTA_DOWNLOADS_PER_DAY", "100"))
# A member's full-text readings (the reader page, the API): a person reads a few dozen a
# day at most; a scraper reads everything.
GAOKU_QUOTA_VIEWS_PER_HOUR = int(os.environ.get("GAOKU_QUOTA_VIEWS_PER_HOUR", "60"))
GAOKU_QUOTA_VIEWS_PER_DAY = int(os.environ.get("GAOKU_QUOTA_VIEWS_PER_DAY", "300"))
GAOKU_PREVIEW_CHARS = int(os.environ.get("GAOKU_PREVIEW_CHARS", "300"))

# Sign-in lockout (gaoku.accounts.lockout).
GAOKU_SIGNIN_MAX_FAILURES = int(os.environ.get("GAOKU_SIGNIN_MAX_FAILURES", "5"))
GAOKU_SIGNIN_MAX_SOURCE_FAILURES = int(os.environ.get("GAOKU_SIGNIN_MAX_SOURCE_FAILURES", "20"))
GAOKU_SIGNIN_LOCK_MINUTES = int(os.environ.get("GAOKU_SIGNIN_LOCK_MINUTES", "15"))
GAOKU_TRUSTED_PROXY = os.environ.get("GAOKU_TRUSTED_PROXY", "")

# Copies (gaoku.copies).
GAOKU_FINGERPRINT_KEY = os.environ.get("GAOKU_FINGERPRINT_KEY", "")
GAOKU_FINGERPRINT_KEY_FILE = DATA_DIR / FINGERPRINT_KEY_NAME
GAOKU_COPY_NOTICE = os.environ.get("GAOKU_COPY_NOTICE", "仅供学习 禁止外传 · {code}")
# A trace accuses only where the probability that any innocent candidate is accused is
# at most this (gaoku.core.fingerprint.accusation).
GAOKU_TRACE_LEVEL = float(os.environ.get("GAOKU_TRACE_LEVEL", "1e-6"))
GAOKU_REFERENCE_CORPUS = os.environ.get("GAOKU_REFERENCE_CORPUS", "")
# Background work (gaoku.ops.jobs): tasks wait in the database until `gaoku worker` (which
# `gaoku serve` starts beside the server) runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Where one machine is not enough: tasks in Redis (django-tasks-rq), run by `gaoku worker`
# on any number of machines (gaoku.ops.tasks says what changes).
GAOKU_REDIS_URL = os.environ.get("GAOKU_REDIS_URL", "")
if GAOKU_REDIS_URL:
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": GAOKU_REDIS_URL}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}

# How members renew, shown when their membership ends within a week or has just ended: a
# line of the operator's own, and a link (their shop), if any.
GAOKU_RENEWAL_NOTE = os.environ.get(
    "GAOKU_RENEWAL_NOTE", "续费：在购买会员的店铺再次下单，然后在“我的账号”输入兑换码。"
)
GAOKU_RENEWAL_URL = os.environ.get("GAOKU_RENEWAL_URL", "")
# The site's address as members reach it: the links that webhooks and feeds send out.
GAOKU_SITE_URL = os.environ.get("GAOKU_SITE_URL", "http://127.0.0.1:8000")
GAOKU_CONTACT = os.environ.get("GAOKU_CONTACT", "")
# Email only where the operator named a server: a forgotten password is then reset by a
# link sent to the account's address; otherwise an admin makes the link and passes it on.
GAOKU_MAIL = bool(os.environ.get("GAOKU_SMTP_URL"))
if GAOKU_MAIL:
    _mail = dj_email_url.parse(os.environ["GAOKU_SMTP_URL"])
    EMAIL_BACKEND = _mail["EMAIL_BACKEND"]
    EMAIL_HOST, EMAIL_PORT = _mail["EMAIL_HOST"], _mail["EMAIL_PORT"]
    EMAIL_HOST_USER, EMAIL_HOST_PASSWORD = _mail["EMAIL_HOST_USER"], _mail["EMAIL_HOST_PASSWORD"]
    EMAIL_USE_TLS, EMAIL_USE_SSL = _mail["EMAIL_USE_TLS"], _mail["EMAIL_USE_SSL"]
    EMAIL_TIMEOUT = 20
    DEFAULT_FROM_EMAIL = os.environ.get("GAOKU_MAIL_FROM") or EMAIL_HOST_USER
# A reset link works once, and for three days at most.
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600
GAOKU_SEARCH_DIR = Path(os.environ.get("GAOKU_SEARCH_DIR", DATA_DIR / "search-index"))
