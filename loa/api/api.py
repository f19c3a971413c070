"""The REST API (Django Ninja, OpenAPI schema at /api/openapi.json, docs at /api/docs).

Each capability contributes a router in `loa/<app>/api.py` named `router`; missing ones are skipped.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI

from loa.api.auth import AUTH
from loa.core.plugins import optional_import

api = NinjaAPI(
    title="Loa API",
    version="1",
    description="Loa — nền tảng truyền thông chính sách. Xác thực: `Authorization: Bearer <token>`.",
    auth=AUTH,
)

ROUTERS: tuple[tuple[str, str], ...] = (
    ("/organisations/", "loa.organisations.api"),
    ("/plans/", "loa.plans.api"),
    ("/monitoring/", "loa.monitoring.api"),
    ("/trends/", "loa.trends.api"),
    ("/press/", "loa.press.api"),
    ("/deadlines/", "loa.deadlines.api"),
)

for prefix, module_name in ROUTERS:
    module = optional_import(module_name)
    if module is not None:
        api.add_router(prefix, module.router)


@api.exception_handler(PermissionDenied)
def permission_denied(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc) or "Không có quyền."}, status=403)
