"""Loa settings. Every value that differs between machines comes from the environment."""

from __future__ import annotations

from typing import Any

import dj_database_url
from celery.schedules import crontab

from config.env import BASE_DIR, ConfigurationError, data_dir, env_bool, env_float, env_int, env_list, env_str

DATA_DIR = data_dir()

SECRET_KEY = env_str("DJANGO_SECRET_KEY") or env_str("LOA_SECRET_KEY")
if not SECRET_KEY:
    # The embedded setup keeps a generated key in the data folder so sessions survive restarts.
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        import secrets

        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    SECRET_KEY = key_file.read_text().strip()

DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

LOA_PROVINCE = env_str("LOA_PROVINCE", "Thái Nguyên")
LOA_SITE_URL = env_str("LOA_SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "loa.core",
    "loa.organisations",
    "loa.deadlines",
    "loa.press",
    "loa.monitoring",
    "loa.trends",
    "loa.plans",
    "loa.web",
    "loa.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files from the web process itself: no CDN and no separate file server on one machine.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "loa.web.context.loa_context",
            ],
        },
    },
]


def _database() -> dict[str, Any]:
    url = env_str("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'loa.sqlite3'}"
    try:
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 0)))
    except Exception as exc:
        raise ConfigurationError(
            f"DATABASE_URL is malformed ({exc}). Examples: sqlite:///data/loa.sqlite3, "
            "postgres://user@127.0.0.1:5432/loa"
        ) from exc
    engine = config.get("ENGINE", "")
    if engine.endswith("sqlite3"):
        # WAL lets the web server, the worker and the scheduler read while one of them writes.
        config["OPTIONS"] = {
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=15000; "
                "PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    elif "postgresql" not in engine:
        raise ConfigurationError(f"DATABASE_URL engine {engine!r} is not supported: use sqlite or postgres.")
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "loa" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
LOA_MAX_UPLOAD_BYTES = env_int("LOA_MAX_UPLOAD_BYTES", 25 * 1024 * 1024)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env_str("CACHE_URL")}
        if env_str("CACHE_URL").startswith("redis")
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
        }
    )
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "loa@localhost")

# Media monitoring keeps articles, pipeline items and archived pages this long (see loa/monitoring/conf.py).
LOA_MONITORING_RETENTION_DAYS = env_int("LOA_MONITORING_RETENTION_DAYS", 730)

# Celery: embedded broker (kombu's filesystem transport in the data folder) unless told otherwise.
_broker_dir = DATA_DIR / "broker"
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS: dict = {}
if CELERY_BROKER_URL.startswith("filesystem://"):
    for sub in ("queue", "processed", "control"):
        (_broker_dir / sub).mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
        # The transport lists the queue folder between messages; kombu's default waits 1 s each time,
        # which capped ingest at ~20 articles/s with three task hops per article batch.
        "polling_interval": env_float("LOA_BROKER_POLL_SECONDS", 0.05),
    }
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_TASK_ACKS_LATE = True  # a worker killed mid-task leaves the message for another: tasks are idempotent
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A worker process loads the analyzer at start (loa.monitoring.tasks); Celery's 4 s default for a new
# process to report ready is too short for that on a loaded machine.
CELERY_WORKER_PROC_ALIVE_TIMEOUT = 30.0
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(DATA_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE: dict = {
    # Press work due soon or overdue, by e-mail to each agency (each list once a day).
    "press.send_reminders": {"task": "press.send_reminders", "schedule": 3600.0},
    # Trends: detection over every series (forecasts once a day), deliveries held by quiet hours or
    # waiting for a retry, and the morning digest (bản tin điểm báo) at 06:30 local time.
    "trends.detect": {"task": "trends.detect", "schedule": crontab(minute=5)},
    "trends.flush": {"task": "trends.flush", "schedule": 60.0},
    "trends.digest": {"task": "trends.digest", "schedule": crontab(hour=6, minute=30)},
    # Plans: obligations of new periods (and due dates moved by announced days off); report reminders.
    "plans.sync_obligations": {"task": "plans.sync_obligations", "schedule": 3600.0},
    "plans.send_reminders": {"task": "plans.send_reminders", "schedule": 3600.0},
    # Media monitoring: due feeds polled every minute; items, re-tagging and reprocessing runs a killed
    # worker left behind; saved-search e-mails; retention.
    "monitoring.poll_due": {"task": "monitoring.poll_due", "schedule": 60.0},
    "monitoring.resume_stale": {"task": "monitoring.resume_stale", "schedule": 300.0},
    "monitoring.resume_retags": {"task": "monitoring.resume_retags", "schedule": 300.0},
    "monitoring.resume_reprocess": {"task": "monitoring.resume_reprocess", "schedule": 300.0},
    "monitoring.notify_saved_searches": {"task": "monitoring.notify_saved_searches", "schedule": 900.0},
    "monitoring.purge": {"task": "monitoring.purge", "schedule": 86400.0},
    # Press: personal data of closed requests anonymised or deleted per RetentionRule, at night.
    "press.apply_retention": {"task": "press.apply_retention", "schedule": crontab(hour=2, minute=15)},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOA_LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One INFO line per fetched page drowns the worker's own log; the source health page has them.
        "httpx": {"level": "WARNING"},
        "httpcore": {"level": "WARNING"},
        # trafilatura warns "discarding data" for every page it gives up on; Loa's own fallbacks then
        # extract the page, and a page nobody can extract is a failed item with its reason.
        "trafilatura": {"level": "ERROR"},
    },
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
