"""The Celery app. Embedded broker (kombu filesystem transport in the data folder) by default;
Redis or RabbitMQ when CELERY_BROKER_URL says so. Same tasks, same code."""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")

app = Celery("loa")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
