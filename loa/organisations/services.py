"""Writes for the organisation context: province initialisation, agencies, people."""

from __future__ import annotations

import datetime as dt
import logging
import secrets
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from loa.core import audit
from loa.organisations.models import (
    Agency,
    AgencyFormerName,
    ApiToken,
    Commune,
    HistoricalUnit,
    Membership,
    Province,
    Role,
)
from loa.organisations.standard import PROVINCIAL_AGENCIES
from loa.pipeline.gazetteer import Gazetteer, LegacyCommune, LegacyDistrict, LegacyProvince

log = logging.getLogger(__name__)

REFORM_DATE = dt.date(2025, 6, 30)
REFORM_BASIS = "Nghị quyết 202/2025/QH15 và các nghị quyết sắp xếp đơn vị hành chính cấp xã năm 2025"


class UnknownProvince(ValueError):
    def __init__(self, query: str, suggestions: list[str]):
        self.query = query
        self.suggestions = suggestions
        hint = f" Có phải bạn muốn: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"Không tìm thấy tỉnh, thành phố “{query}” trong 34 đơn vị hiện hành.{hint}")


@dataclass
class InitReport:
    province: Province
    communes: int = 0
    historical_units: int = 0
    agencies_created: int = 0
    agencies_updated: int = 0
    former_names: int = 0
    demo_passwords: dict[str, str] = field(default_factory=dict)


def _upsert(model: type, lookup: dict[str, Any], values: dict[str, Any]) -> tuple[Any, bool]:
    obj, created = model.objects.get_or_create(**lookup, defaults=values)  # type: ignore[attr-defined]
    if not created and any(getattr(obj, k) != v for k, v in values.items()):
        for key, value in values.items():
            setattr(obj, key, value)
        obj.save()
    return obj, created


def resolve_province_query(query: str, gazetteer: Gazetteer | None = None) -> str:
    """The code of today's province for a name as a user types it (old names allowed)."""
    gaz = gazetteer or Gazetteer.load()
    province = gaz.find_province(query)
    if province is None:
        raise UnknownProvince(query, [p.name for p in gaz.closest_provinces(query)])
    return province.code


def _load_all_provinces(gaz: Gazetteer) -> dict[str, Province]:
    by_code = {}
    for p in gaz.provinces.values():
        obj, _ = _upsert(
            Province,
            {"code": p.code},
            {"name": p.name, "short_name": p.short, "kind": p.kind, "lat": p.lat, "lon": p.lon},
        )
        by_code[p.code] = obj
    return by_code


def _upsert_historical(
    level: str,
    unit: LegacyProvince | LegacyDistrict | LegacyCommune,
    *,
    parent_name: str,
    successor: Province,
    communes: dict[str, Commune] | None = None,
) -> None:
    obj, _ = _upsert(
        HistoricalUnit,
        {"level": level, "code": unit.code},
        {
            "name": unit.name,
            "short_name": unit.short,
            "kind": unit.kind,
            "parent_name": parent_name,
            "successor_province": successor,
            "valid_to": REFORM_DATE,
            "legal_basis": REFORM_BASIS,
        },
    )
    if communes is not None and not isinstance(unit, LegacyProvince):
        obj.successor_communes.set([communes[c] for c in unit.successor_commune_codes if c in communes])


def _load_historical(gaz: Gazetteer, provinces: dict[str, Province], home_code: str) -> int:
    """Every former province and district (a few hundred: old names in the press come from anywhere)
    and the former communes of the home province."""
    legacy_names = {lp.code: lp.name for lp in gaz.legacy_provinces.values()}
    communes = {c.code: c for c in Commune.objects.filter(province=provinces[home_code])}
    for lp in gaz.legacy_provinces.values():
        _upsert_historical(
            HistoricalUnit.Level.PROVINCE, lp, parent_name="", successor=provinces[lp.successor_code]
        )
    for ld in gaz.legacy_districts.values():
        _upsert_historical(
            HistoricalUnit.Level.DISTRICT,
            ld,
            parent_name=legacy_names.get(ld.legacy_province_code, ""),
            successor=provinces[ld.successor_province_code],
            communes=communes,
        )
    home_communes = gaz.legacy_communes_of(home_code)
    for lc in home_communes:
        district = gaz.legacy_districts.get(lc.legacy_district_code)
        parent = ", ".join(
            n for n in (district.name if district else None, legacy_names.get(lc.legacy_province_code)) if n
        )
        _upsert_historical(
            HistoricalUnit.Level.COMMUNE,
            lc,
            parent_name=parent,
            successor=provinces[lc.successor_province_code],
            communes=communes,
        )
    return len(gaz.legacy_provinces) + len(gaz.legacy_districts) + len(home_communes)


def _ensure_agencies(province: Province, former_provinces: list[str], report: InitReport) -> None:
    for spec in PROVINCIAL_AGENCIES:
        name = spec.name.format(province=province.short_name)
        agency = Agency.objects.filter(province=province, slug=spec.slug).first()
        if agency is None:
            # Names stay editable: an existing agency keeps whatever the administrator set.
            agency = Agency.objects.create(
                province=province, slug=spec.slug, name=name, short_name=spec.short_name, role=spec.role
            )
            report.agencies_created += 1
        else:
            report.agencies_updated += 1
        for former in spec.former:
            names = (
                [former.name.format(former=f) for f in former_provinces]
                if "{former}" in former.name
                else [former.name]
            )
            for former_name in names:
                _, created = AgencyFormerName.objects.get_or_create(
                    successor=agency,
                    name=former_name,
                    function=former.function,
                    defaults={
                        "is_primary": former.is_primary,
                        "valid_to": REFORM_DATE,
                        "legal_basis": former.legal_basis,
                    },
                )
                report.former_names += int(created)
    for commune in Commune.objects.filter(province=province):
        slug = f"ubnd-{commune.code}"
        if not Agency.objects.filter(province=province, slug=slug).exists():
            agency = Agency.objects.create(
                province=province,
                commune=commune,
                slug=slug,
                name=f"Ủy ban nhân dân {commune.name[0].lower()}{commune.name[1:]}",
                short_name=f"UBND {commune.name}",
                role=Agency.Role.COMMUNE_COMMITTEE,
            )
            report.agencies_created += 1


def _link_district_committees(province: Province) -> int:
    """“UBND huyện Bạch Thông” → the People's Committees of the communes that succeeded it."""
    count = 0
    committees = {a.commune_id: a for a in Agency.objects.filter(province=province, commune__isnull=False)}
    districts = HistoricalUnit.objects.filter(
        successor_province=province, level=HistoricalUnit.Level.DISTRICT
    ).prefetch_related("successor_communes")
    for district in districts:
        for i, commune in enumerate(district.successor_communes.all()):
            agency = committees.get(commune.pk)
            if agency is None:
                continue
            _, created = AgencyFormerName.objects.get_or_create(
                successor=agency,
                name=f"Ủy ban nhân dân {district.name[0].lower()}{district.name[1:]}",
                function=AgencyFormerName.Function.ALL,
                defaults={"is_primary": i == 0, "valid_to": REFORM_DATE, "legal_basis": REFORM_BASIS},
            )
            count += int(created)
    return count


@transaction.atomic
def init_province(query: str, *, actor: Any = None) -> InitReport:
    """Load today's province and communes, the former units they replaced, and the standard agencies.

    Idempotent: re-running updates names and links and never duplicates anything.
    """
    gaz = Gazetteer.load()
    code = resolve_province_query(query, gaz)
    provinces = _load_all_provinces(gaz)
    Province.objects.exclude(code=code).filter(is_home=True).update(is_home=False)
    province = provinces[code]
    if not province.is_home:
        province.is_home = True
        province.save()
    report = InitReport(province=province)
    for c in gaz.communes_of(code):
        _upsert(
            Commune,
            {"code": c.code},
            {
                "province": province,
                "name": c.name,
                "short_name": c.short,
                "kind": c.kind,
                "lat": c.lat,
                "lon": c.lon,
            },
        )
        report.communes += 1
    report.historical_units = _load_historical(gaz, provinces, code)
    former_provinces = [lp.short for lp in gaz.legacy_provinces_of(code)]
    _ensure_agencies(province, former_provinces, report)
    report.former_names += _link_district_committees(province)
    audit.record(
        actor,
        "province.init",
        province,
        changes={"communes": report.communes, "agencies_created": report.agencies_created},
    )
    return report


DEMO_USERS: tuple[tuple[str, str, str, str], ...] = (
    # username, role, agency slug, display name
    ("quantri", Role.ADMIN, "van-phong-ubnd", "Quản trị hệ thống"),
    ("dieuphoi", Role.COORDINATOR, "so-vhttdl", "Cán bộ điều phối Sở VHTTDL"),
    ("tuphap", Role.OFFICER, "so-tu-phap", "Cán bộ Sở Tư pháp"),
    ("phatngon", Role.SPOKESPERSON, "van-phong-ubnd", "Người phát ngôn UBND tỉnh"),
    ("xem", Role.VIEWER, "so-tai-chinh", "Người xem Sở Tài chính"),
)


@transaction.atomic
def create_demo_accounts(province: Province) -> dict[str, str]:
    """Create the demo accounts once, with random passwords returned for printing once."""
    user_model = get_user_model()
    passwords: dict[str, str] = {}
    for username, role, slug, display in DEMO_USERS:
        if user_model.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(9)
        user = user_model.objects.create_user(
            username=username,
            password=password,
            first_name=display,
            is_staff=role == Role.ADMIN,
            is_superuser=role == Role.ADMIN,
        )
        agency = Agency.objects.get(province=province, slug=slug)
        Membership.objects.create(user=user, agency=agency, role=role)
        audit.record(None, "user.create", user, changes={"role": role, "agency": agency.name})
        passwords[username] = password
    return passwords


@transaction.atomic
def user_create(
    *,
    actor: Any,
    username: str,
    password: str,
    agency: Agency,
    role: str,
    email: str = "",
    full_name: str = "",
) -> Any:
    user_model = get_user_model()
    user = user_model.objects.create_user(
        username=username,
        password=password,
        email=email,
        first_name=full_name,
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
    )
    Membership.objects.create(user=user, agency=agency, role=role)
    audit.record(
        actor, "user.create", user, changes={"role": role, "agency": agency.name}, agency_id=agency.pk
    )
    return user


@transaction.atomic
def agency_update(*, actor: Any, agency: Agency, **fields: Any) -> Agency:
    allowed = {"name", "short_name", "email", "phone", "is_active", "role"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"Không thể sửa trường: {', '.join(sorted(unknown))}")
    changes = audit.diff(agency, fields)
    for key, value in fields.items():
        setattr(agency, key, value)
    agency.save()
    if changes:
        audit.record(actor, "agency.update", agency, changes=changes, agency_id=agency.pk)
    return agency


@transaction.atomic
def api_token_create(*, actor: Any, user: Any, name: str) -> str:
    """Create a token and return it in clear: it is shown once and stored only as a hash."""
    raw = ApiToken.generate()
    ApiToken.objects.create(user=user, name=name, prefix=raw[4:12], digest=ApiToken.hash(raw))
    audit.record(actor, "api_token.create", user, changes={"name": name})
    return raw
