"""Administrators edit the refusal grounds and the retention rules here; saving goes through the services,
which audit the change."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from loa.press import retention, selectors, services
from loa.press.models import RefusalGround, RetentionRule


@admin.register(RefusalGround)
class RefusalGroundAdmin(admin.ModelAdmin):
    list_display = ("code", "legal_basis", "valid_from", "valid_to", "verification")
    list_filter = ("verification",)
    search_fields = ("code", "label", "legal_basis")
    readonly_fields = ("updated_at",)

    def save_model(self, request: HttpRequest, obj: RefusalGround, form: Any, change: bool) -> None:
        services.refusal_ground_save(request.user, obj)

    def has_delete_permission(self, request: HttpRequest, obj: RefusalGround | None = None) -> bool:
        # A ground cited by a refusal ends with `valid_to`; the service refuses to delete it.
        if obj is not None and selectors.refusal_ground_cited(obj.code):
            return False
        return super().has_delete_permission(request, obj)

    def delete_model(self, request: HttpRequest, obj: RefusalGround) -> None:
        services.refusal_ground_delete(request.user, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[RefusalGround]) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(RetentionRule)
class RetentionRuleAdmin(admin.ModelAdmin):
    list_display = ("record_type", "days_after_closing", "action", "valid_from", "legal_basis")
    list_filter = ("record_type", "action")
    readonly_fields = ("updated_at",)

    def save_model(self, request: HttpRequest, obj: RetentionRule, form: Any, change: bool) -> None:
        retention.retention_rule_save(request.user, obj)

    def has_delete_permission(self, request: HttpRequest, obj: RetentionRule | None = None) -> bool:
        # A rule ends when a newer one for the same record type takes effect (`valid_from`).
        return False
