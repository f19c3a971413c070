"""Loa's Django project. The Celery app loads with Django, so `task.delay()` from web code and tests uses
Loa's broker settings (and eager mode in the test settings) instead of Celery's default app."""

from config.celery import app as celery_app

__all__ = ["celery_app"]
