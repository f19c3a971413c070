"""Home-dashboard widgets contributed by each capability: `module.dashboard_widget(request)` returns
{"template": ..., **context} or None. Missing modules are skipped."""

from __future__ import annotations

import importlib
from typing import Any

from django.http import HttpRequest

WIDGET_MODULES: tuple[str, ...] = (
    "loa.plans.widgets",
    "loa.monitoring.widgets",
    "loa.trends.widgets",
    "loa.press.widgets",
)


def widgets(request: HttpRequest) -> list[dict[str, Any]]:
    found = []
    for name in WIDGET_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and name.startswith(exc.name):
                continue
            raise
        widget = module.dashboard_widget(request)
        if widget:
            found.append(widget)
    return found
