"""Administrators edit rules and announced days here; saving goes through the services, which audit the
change (old → new) and move the deadlines of open records."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from loa.deadlines import services
from loa.deadlines.models import CalendarDay, LegalRule


def _report(request: HttpRequest, report: services.RecomputeReport) -> None:
    if report.moved:
        messages.info(
            request,
            _("Đã tính lại hạn của %(n)d hồ sơ đang mở (kiểm tra %(checked)d).")
            % {"n": len(report.moved), "checked": report.checked},
        )


@admin.register(LegalRule)
class LegalRuleAdmin(admin.ModelAdmin):
    list_display = ("rule_id", "valid_from", "valid_to", "amount", "unit", "legal_basis", "verification")
    list_filter = ("verification", "unit")
    search_fields = ("rule_id", "title_vi", "legal_basis")
    readonly_fields = ("updated_at",)
    fieldsets = (
        (None, {"fields": ("rule_id", "title_vi", "legal_basis", "verification", "note")}),
        (_("Hiệu lực"), {"fields": ("valid_from", "valid_to", "superseded_by")}),
        (
            _("Thời hạn"),
            {
                "fields": (
                    "trigger",
                    "amount",
                    "unit",
                    "anchor_month",
                    "anchor_day",
                    "applies_to",
                    "on_breach",
                )
            },
        ),
        (None, {"fields": ("updated_at",)}),
    )

    def save_model(self, request: HttpRequest, obj: LegalRule, form: Any, change: bool) -> None:
        _report(request, services.rule_save(request.user, obj))

    def delete_model(self, request: HttpRequest, obj: LegalRule) -> None:
        _report(request, services.rule_delete(request.user, obj))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[LegalRule]) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ("date", "kind", "label", "legal_basis", "year")
    list_filter = ("year", "kind")
    search_fields = ("label", "legal_basis")
    date_hierarchy = "date"

    def save_model(self, request: HttpRequest, obj: CalendarDay, form: Any, change: bool) -> None:
        if change and "date" in form.changed_data:
            # Moving an announcement to another date withdraws it from the old one.
            services.remove_day(request.user, form.initial["date"])
        _row, report = services.announce_day(
            request.user, obj.date, obj.kind, label=obj.label, legal_basis=obj.legal_basis
        )
        obj.pk = _row.pk
        _report(request, report)

    def delete_model(self, request: HttpRequest, obj: CalendarDay) -> None:
        _report(request, services.remove_day(request.user, obj.date))

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[CalendarDay]) -> None:
        for obj in queryset:
            self.delete_model(request, obj)
