from django.contrib import admin

from loa.organisations.models import (
    Agency,
    AgencyFormerName,
    ApiToken,
    Commune,
    HistoricalUnit,
    Membership,
    Province,
)


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "kind", "is_home")
    search_fields = ("name", "search_key")


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "kind", "province")
    list_filter = ("kind", "province")
    search_fields = ("name", "search_key")


@admin.register(HistoricalUnit)
class HistoricalUnitAdmin(admin.ModelAdmin):
    list_display = ("name", "level", "parent_name", "successor_province")
    list_filter = ("level",)
    search_fields = ("name", "search_key")
    filter_horizontal = ("successor_communes",)


class FormerNameInline(admin.TabularInline):
    model = AgencyFormerName
    extra = 0


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "role", "is_active")
    list_filter = ("role", "is_active")
    search_fields = ("name", "short_name", "search_key")
    inlines = [FormerNameInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("user", "agency", "role", "position")
    list_filter = ("role",)
    search_fields = ("user__username", "agency__name")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("user", "name", "prefix", "created_at", "last_used_at", "revoked")
    readonly_fields = ("prefix", "digest", "created_at", "last_used_at")
