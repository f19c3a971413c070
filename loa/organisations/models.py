"""Today's two-level administration (province → commune), the names it replaced, the agencies
that do the work, and the people who belong to them.

Documents, articles and people still use pre-2025 names; every former unit or agency name is kept
as a `HistoricalUnit` or `AgencyFormerName` linked to today's successors so that old text resolves.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from loa.text import search_key


class Province(models.Model):
    code = models.CharField(_("mã"), max_length=8, unique=True)
    name = models.CharField(_("tên"), max_length=120)
    short_name = models.CharField(_("tên ngắn"), max_length=80)
    kind = models.CharField(_("loại"), max_length=20)  # "tỉnh" | "thành phố"
    search_key = models.CharField(max_length=160, db_index=True, editable=False)
    is_home = models.BooleanField(_("tỉnh đang cấu hình"), default=False)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tỉnh, thành phố")
        verbose_name_plural = _("tỉnh, thành phố")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_key = search_key(self.name)
        super().save(*args, **kwargs)


class Commune(models.Model):
    class Kind(models.TextChoices):
        XA = "xã", _("Xã")
        PHUONG = "phường", _("Phường")
        DAC_KHU = "đặc khu", _("Đặc khu")

    code = models.CharField(_("mã"), max_length=8, unique=True)
    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="communes")
    name = models.CharField(_("tên"), max_length=120)
    short_name = models.CharField(_("tên ngắn"), max_length=80)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    search_key = models.CharField(max_length=160, db_index=True, editable=False)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("xã, phường, đặc khu")
        verbose_name_plural = _("xã, phường, đặc khu")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_key = search_key(self.name)
        super().save(*args, **kwargs)


class HistoricalUnit(models.Model):
    """A province, district or commune that existed before 1/7/2025, linked to today's units."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("Tỉnh (cũ)")
        DISTRICT = "district", _("Huyện (cũ)")
        COMMUNE = "commune", _("Xã (cũ)")

    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    code = models.CharField(_("mã cũ"), max_length=8)
    name = models.CharField(_("tên cũ"), max_length=160)
    short_name = models.CharField(_("tên ngắn"), max_length=120)
    kind = models.CharField(_("loại"), max_length=20)
    parent_name = models.CharField(_("thuộc"), max_length=240, blank=True)
    search_key = models.CharField(max_length=200, db_index=True, editable=False)
    short_key = models.CharField(max_length=160, db_index=True, editable=False)
    successor_province = models.ForeignKey(
        Province, on_delete=models.CASCADE, related_name="historical_units"
    )
    successor_communes = models.ManyToManyField(Commune, blank=True, related_name="predecessors")
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    legal_basis = models.CharField(_("căn cứ"), max_length=200, blank=True)

    class Meta:
        ordering = ["level", "name"]
        constraints = [models.UniqueConstraint(fields=["level", "code"], name="uniq_historical_unit")]
        verbose_name = _("đơn vị hành chính cũ")
        verbose_name_plural = _("đơn vị hành chính cũ")

    def __str__(self) -> str:
        return f"{self.name} ({self.parent_name})" if self.parent_name else self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_key = search_key(self.name)
        self.short_key = search_key(self.short_name)
        super().save(*args, **kwargs)


class Agency(models.Model):
    """An agency of the province or a commune People's Committee, under today's name."""

    class Role(models.TextChoices):
        PROVINCIAL_COMMITTEE = "provincial_committee", _("UBND tỉnh")
        PRESS_MANAGEMENT = "press_management", _("Cơ quan quản lý báo chí")
        JUSTICE = "justice", _("Tư pháp")
        FINANCE = "finance", _("Tài chính")
        HOME_AFFAIRS = "home_affairs", _("Nội vụ")
        POLICE = "police", _("Công an")
        PROVINCIAL_OFFICE = "provincial_office", _("Văn phòng UBND tỉnh")
        PORTAL = "portal", _("Cổng thông tin điện tử")
        PRESS = "press", _("Báo chí, phát thanh, truyền hình")
        DEPARTMENT = "department", _("Sở, ngành")
        PARTY = "party", _("Cơ quan Đảng, đoàn thể")
        ASSOCIATION = "association", _("Hội")
        COMMUNE_COMMITTEE = "commune_committee", _("UBND cấp xã")

    province = models.ForeignKey(Province, on_delete=models.CASCADE, related_name="agencies")
    commune = models.ForeignKey(
        Commune, null=True, blank=True, on_delete=models.CASCADE, related_name="agencies"
    )
    name = models.CharField(_("tên"), max_length=200)
    short_name = models.CharField(_("tên viết tắt"), max_length=80, blank=True)
    role = models.CharField(_("vai trò"), max_length=30, choices=Role.choices)
    # Stable key for the standard agencies created by `loa init`, so re-running init updates them.
    slug = models.SlugField(max_length=80)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=40, blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    search_key = models.CharField(max_length=240, db_index=True, editable=False)

    class Meta:
        ordering = ["role", "name"]
        constraints = [models.UniqueConstraint(fields=["province", "slug"], name="uniq_agency_slug")]
        verbose_name = _("cơ quan, đơn vị")
        verbose_name_plural = _("cơ quan, đơn vị")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_key = search_key(self.name)
        super().save(*args, **kwargs)

    @property
    def is_commune_level(self) -> bool:
        return self.role == self.Role.COMMUNE_COMMITTEE


class AgencyFormerName(models.Model):
    """A name an agency had, or an abolished agency whose function moved (e.g. Sở TT&TT → press
    work to Sở VHTTDL, digital work to Sở KH&CN)."""

    class Function(models.TextChoices):
        ALL = "all", _("Toàn bộ")
        PRESS = "press", _("Báo chí, phát ngôn")
        DIGITAL = "digital", _("Chuyển đổi số")

    successor = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="former_names")
    name = models.CharField(_("tên cũ"), max_length=240)
    function = models.CharField(_("chức năng chuyển giao"), max_length=10, choices=Function.choices)
    is_primary = models.BooleanField(_("đơn vị kế thừa chính"), default=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    legal_basis = models.CharField(_("căn cứ"), max_length=200, blank=True)
    search_key = models.CharField(max_length=260, db_index=True, editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["successor", "name", "function"], name="uniq_agency_former_name")
        ]
        verbose_name = _("tên cơ quan cũ")
        verbose_name_plural = _("tên cơ quan cũ")

    def __str__(self) -> str:
        return f"{self.name} → {self.successor.name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.search_key = search_key(self.name)
        super().save(*args, **kwargs)


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị viên")
    COORDINATOR = "coordinator", _("Cán bộ điều phối")
    OFFICER = "officer", _("Cán bộ cơ quan")
    SPOKESPERSON = "spokesperson", _("Người phát ngôn")
    VIEWER = "viewer", _("Người xem")


class Membership(models.Model):
    """A user's place in the organisation: one agency and one role."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="members")
    role = models.CharField(_("vai trò"), max_length=20, choices=Role.choices, default=Role.VIEWER)
    position = models.CharField(_("chức vụ"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("thành viên")
        verbose_name_plural = _("thành viên")

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.agency}"


class ApiToken(models.Model):
    """A bearer token for the REST API. Only a hash is stored; the token is shown once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("tên"), max_length=80)
    prefix = models.CharField(max_length=8, db_index=True)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name})"

    @staticmethod
    def hash(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @staticmethod
    def generate() -> str:
        return "loa_" + secrets.token_urlsafe(32)
