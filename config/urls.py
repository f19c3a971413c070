from __future__ import annotations

from django.contrib import admin
from django.urls import URLResolver, include, path

from loa.api.api import api
from loa.core.plugins import optional_import
from loa.web import views as web_views
from loa.web.urls import auth_urlpatterns

# Capability URL modules; a module that is not installed yet is skipped.
CAPABILITY_URLS: tuple[tuple[str, str], ...] = (
    ("plans/", "loa.plans.urls"),
    ("monitoring/", "loa.monitoring.urls"),
    ("trends/", "loa.trends.urls"),
    ("press/", "loa.press.urls"),
    ("deadlines/", "loa.deadlines.urls"),
    ("public/", "loa.press.public_urls"),
)


def _capabilities() -> list[URLResolver]:
    return [path(prefix, include(module)) for prefix, module in CAPABILITY_URLS if optional_import(module)]


urlpatterns = [
    path("", web_views.home, name="home"),
    path("healthz", web_views.healthz, name="healthz"),
    path("", include("loa.web.urls")),
    *auth_urlpatterns,
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    *_capabilities(),
]

admin.site.site_header = "Loa — Quản trị"
admin.site.site_title = "Loa"
