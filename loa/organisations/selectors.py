"""Reads for the organisation context. Provinces, communes and agency names are public within Loa;
members and tokens are visible by role."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from loa.organisations.access import is_admin, scope_for
from loa.organisations.models import Agency, AgencyFormerName, Commune, HistoricalUnit, Membership, Province
from loa.organisations.standard import COLLECTIVE_PHRASES
from loa.text import normalize, search_key

_UBND = re.compile(r"\b(uy ban nhan dan|ubnd)\b")


def agency_key(name: str) -> str:
    """Search key for agency names: “Ủy ban nhân dân” and “UBND” are the same words."""
    return _UBND.sub("ubnd", search_key(name))


def home_province() -> Province | None:
    return Province.objects.filter(is_home=True).first()


def provinces() -> QuerySet[Province]:
    return Province.objects.all()


def communes(province: Province | None = None) -> QuerySet[Commune]:
    qs = Commune.objects.select_related("province")
    return qs.filter(province=province) if province else qs


def agencies(province: Province | None = None, *, include_communes: bool = True) -> QuerySet[Agency]:
    qs = Agency.objects.filter(is_active=True).select_related("commune", "province")
    if province is not None:
        qs = qs.filter(province=province)
    if not include_communes:
        qs = qs.exclude(role=Agency.Role.COMMUNE_COMMITTEE)
    return qs


def members_visible_to(viewer: Any) -> QuerySet[Membership]:
    qs = Membership.objects.select_related("user", "agency")
    if is_admin(viewer):
        return qs
    return scope_for(viewer).filter(qs)


# --- name search ---------------------------------------------------------------------------------


@dataclass
class SearchHit:
    kind: str  # "province" | "commune" | "agency" | "historical" | "former_agency"
    name: str
    detail: str
    url: str | None = None
    successors: list[str] = field(default_factory=list)
    exact: bool = False


# Abbreviations people type for unit kinds: “TP Tuy Hòa” is “Thành phố Tuy Hòa”.
_ABBREVIATIONS = {
    "tp": "thanh pho",
    "tx": "thi xa",
    "tt": "thi tran",
    "h": "huyen",
    "q": "quan",
    "p": "phuong",
}


def expand_abbreviations(key: str) -> str:
    words = key.split()
    if words and words[0] in _ABBREVIATIONS:
        words[0] = _ABBREVIATIONS[words[0]]
    return " ".join(words)


def _contains_all(qs: QuerySet[Any], key: str, field_name: str = "search_key") -> QuerySet[Any]:
    """Every word of the query must start a word of the name: “tuy hoa” is not “Tuyên Hóa”."""
    words = key.split()
    for i, word in enumerate(words):
        # The last word may be unfinished while typing; the others are whole words.
        tail = "" if i == len(words) - 1 else "( |$)"
        qs = qs.filter(**{f"{field_name}__contains": word}).filter(
            **{f"{field_name}__regex": rf"(^| ){re.escape(word)}{tail}"}
        )
    return qs


def search_names(query: str, limit: int = 30) -> list[SearchHit]:
    """Provinces, communes, agencies and former names matching a query typed with or without
    diacritics and with either tone-mark placement; old names say which unit succeeded them."""
    key = expand_abbreviations(search_key(query))
    if not key:
        return []
    normal = normalize(query).lower()
    hits: list[SearchHit] = []
    for p in _contains_all(Province.objects.all(), key)[:limit]:
        hits.append(
            SearchHit("province", p.name, "Tỉnh, thành phố hiện hành", exact=normal in p.name.lower())
        )
    for c in _contains_all(Commune.objects.select_related("province"), key)[:limit]:
        hits.append(SearchHit("commune", c.name, c.province.name, url=None, exact=normal in c.name.lower()))
    for a in _contains_all(Agency.objects.filter(is_active=True), agency_key(query))[:limit]:
        hits.append(SearchHit("agency", a.name, a.get_role_display(), exact=normal in a.name.lower()))
    historical = _contains_all(HistoricalUnit.objects.select_related("successor_province"), key)
    for h in historical.prefetch_related("successor_communes")[:limit]:
        successors = [c.name for c in h.successor_communes.all()][:6]
        detail = f"Trước 1/7/2025{', ' + h.parent_name if h.parent_name else ''}; nay thuộc {h.successor_province.name}"
        hits.append(
            SearchHit(
                "historical",
                h.name,
                detail,
                successors=successors or [h.successor_province.name],
                exact=normal in h.name.lower(),
            )
        )
    for f in _contains_all(AgencyFormerName.objects.select_related("successor"), agency_key(query))[:limit]:
        hits.append(
            SearchHit(
                "former_agency",
                f.name,
                f"Tên cũ; nay là {f.successor.name} ({f.get_function_display()})",
                successors=[f.successor.name],
                exact=normal in f.name.lower(),
            )
        )
    order = {"province": 0, "historical": 1, "commune": 2, "agency": 3, "former_agency": 4}
    hits.sort(key=lambda h: (not h.exact, order[h.kind], len(h.name)))
    return hits[:limit]


# --- agency name resolution (plans, letters, press requests) ------------------------------------


@dataclass
class AgencyMatch:
    written: str
    agencies: list[Agency]
    via: str  # "exact" | "former_name" | "collective" | "district" | "fuzzy" | "unmatched"
    note: str = ""

    @property
    def matched(self) -> bool:
        return bool(self.agencies)


def _collective(province: Province, group: str) -> list[Agency]:
    qs = agencies(province)
    if group == "provincial":
        return list(
            qs.exclude(role__in=[Agency.Role.COMMUNE_COMMITTEE, Agency.Role.PROVINCIAL_COMMITTEE]).exclude(
                role__in=[Agency.Role.PARTY, Agency.Role.ASSOCIATION, Agency.Role.PRESS]
            )
        )
    if group == "communes":
        return list(qs.filter(role=Agency.Role.COMMUNE_COMMITTEE))
    if group == "press":
        return list(qs.filter(role=Agency.Role.PRESS))
    return []


_COLLECTIVE_KEYS = {agency_key(phrase): group for phrase, group in COLLECTIVE_PHRASES}


def _province_suffix(province: Province) -> re.Pattern[str]:
    """“… tỉnh Thái Nguyên”, “… tỉnh Bắc Kạn” (a former province merged into it) or a bare “… tỉnh”,
    which in a provincial document means this province. Other places (“UBND thành phố Bắc Kạn”, a
    former city) are not a suffix: they name another body."""
    former = HistoricalUnit.objects.filter(level=HistoricalUnit.Level.PROVINCE, successor_province=province)
    kinds: dict[str, set[str]] = {}
    for kind, name in [(province.kind, province.short_name), *former.values_list("kind", "short_name")]:
        kinds.setdefault(search_key(kind), set()).add(re.escape(search_key(name)))
    home_kind = search_key(province.kind)
    alternatives = [
        rf"{kind}(\s+({'|'.join(sorted(names, key=len, reverse=True))})){'?' if kind == home_kind else ''}"
        for kind, names in kinds.items()
    ]
    return re.compile(rf"\s+({'|'.join(alternatives)})$")


class AgencyNameIndex:
    """The province's agency names and former names, keyed once, for resolving many written names
    (a plan repeats the same few dozens of times)."""

    def __init__(self, province: Province) -> None:
        self.province = province
        self.suffix = _province_suffix(province)
        candidates = list(agencies(province))
        self.by_key: dict[str, Agency] = {agency_key(a.name): a for a in candidates}
        for a in candidates:
            if a.short_name:
                self.by_key.setdefault(agency_key(a.short_name), a)
        self.by_bare: dict[str, Agency] = {}
        for k, a in self.by_key.items():
            self.by_bare.setdefault(self._bare(k), a)
        self.former: dict[str, list[AgencyFormerName]] = {}
        for f in AgencyFormerName.objects.filter(successor__province=province).select_related("successor"):
            self.former.setdefault(self._bare(agency_key(f.name)), []).append(f)
        self._cache: dict[str, AgencyMatch] = {}

    def _bare(self, key: str) -> str:
        return self.suffix.sub("", key)

    def resolve(self, written: str) -> AgencyMatch:
        """Map a unit name as written in a document to today's agencies of the province.

        Former names (Sở Thông tin và Truyền thông → press work to Sở VHTTDL), collective phrases
        (“UBND các huyện, thành phố” → every commune People's Committee, the district level being
        gone) and former district committees resolve; anything else is reported as unmatched, never
        dropped.
        """
        key = agency_key(written)
        if key not in self._cache:
            match = self._resolve(key)
            self._cache[key] = match
        cached = self._cache[key]
        return AgencyMatch(written, list(cached.agencies), cached.via, cached.note)

    def _resolve(self, key: str) -> AgencyMatch:
        if not key:
            return AgencyMatch("", [], "unmatched", "Tên trống")
        if key in _COLLECTIVE_KEYS:
            members = _collective(self.province, _COLLECTIVE_KEYS[key])
            return AgencyMatch("", members, "collective", f"Cụm từ chỉ nhóm: {len(members)} cơ quan")
        if key in self.by_key:
            return AgencyMatch("", [self.by_key[key]], "exact")
        stripped = self._bare(key)
        if stripped in self.by_bare:
            return AgencyMatch("", [self.by_bare[stripped]], "exact")
        former = self.former.get(stripped, [])
        if former:
            return _former_match(former)
        close = difflib.get_close_matches(stripped, list(self.by_bare), n=1, cutoff=0.88)
        if close:
            agency = self.by_bare[close[0]]
            return AgencyMatch("", [agency], "fuzzy", f"Gần đúng với “{agency.name}”, cần kiểm tra")
        return AgencyMatch("", [], "unmatched", "Không khớp cơ quan nào; cần chọn thủ công")


def _former_match(former: list[AgencyFormerName]) -> AgencyMatch:
    if (
        all(f.function == AgencyFormerName.Function.ALL for f in former)
        and len({f.successor_id for f in former}) > 1
    ):
        # A former district committee: its duties go to every successor commune.
        successors = list({f.successor_id: f.successor for f in former}.values())
        return AgencyMatch("", successors, "district", "UBND cấp huyện cũ → UBND các xã kế thừa")
    chosen = ([f for f in former if f.is_primary] or former)[0]
    others = sorted({f.successor.name for f in former if f.successor_id != chosen.successor_id})
    note = f"Tên cũ; nay là {chosen.successor.name}"
    if others:
        note += f" (chức năng khác chuyển sang: {', '.join(others)})"
    return AgencyMatch("", [chosen.successor], "former_name", note)


def resolve_agency_name(province: Province, written: str) -> AgencyMatch:
    """One name; to resolve many, build an `AgencyNameIndex` once and call its `resolve`."""
    return AgencyNameIndex(province).resolve(written)
