"""Read-only views of alerts, deliveries and cases for administrators; changes go through the pages,
whose services check rights and write the audit log."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from loa.trends.models import Alert, Case, Delivery


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Alert)
class AlertAdmin(ReadOnly):
    list_display = ("date", "kind", "key", "score", "observed", "expected", "created_at")
    list_filter = ("kind", "date")
    search_fields = ("key", "reason")


@admin.register(Delivery)
class DeliveryAdmin(ReadOnly):
    list_display = ("created_at", "channel", "state", "attempts", "due_at", "sent_at", "last_error")
    list_filter = ("channel", "state")


@admin.register(Case)
class CaseAdmin(ReadOnly):
    list_display = ("title", "agency", "kind", "state", "due_at", "responded_at")
    list_filter = ("state", "kind")
    search_fields = ("title",)
