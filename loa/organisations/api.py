from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from loa.organisations import selectors
from loa.organisations.models import Agency, Province

router = Router(tags=["organisations"])


class ProvinceOut(Schema):
    code: str
    name: str
    short_name: str
    kind: str
    is_home: bool


class CommuneOut(Schema):
    code: str
    name: str
    kind: str
    province_code: str


class AgencyOut(Schema):
    id: int
    name: str
    short_name: str
    role: str
    commune_code: str | None


class SearchHitOut(Schema):
    kind: str
    name: str
    detail: str
    successors: list[str]
    exact: bool


class ResolutionOut(Schema):
    written: str
    via: str
    note: str
    agencies: list[AgencyOut]


def _agency_out(a: Agency) -> AgencyOut:
    return AgencyOut(
        id=a.pk,
        name=a.name,
        short_name=a.short_name,
        role=a.role,
        commune_code=a.commune.code if a.commune else None,
    )


@router.get("/provinces", response=list[ProvinceOut])
def list_provinces(request: HttpRequest) -> list[Province]:
    return list(selectors.provinces())


@router.get("/provinces/{code}/communes", response=list[CommuneOut])
def list_communes(request: HttpRequest, code: str) -> list[CommuneOut]:
    province = get_object_or_404(Province, code=code)
    return [
        CommuneOut(code=c.code, name=c.name, kind=c.kind, province_code=province.code)
        for c in selectors.communes(province)
    ]


@router.get("/agencies", response=list[AgencyOut])
def list_agencies(request: HttpRequest, include_communes: bool = True) -> list[AgencyOut]:
    province = selectors.home_province()
    return [_agency_out(a) for a in selectors.agencies(province, include_communes=include_communes)]


@router.get("/search", response=list[SearchHitOut])
def search(request: HttpRequest, q: str) -> list[SearchHitOut]:
    return [
        SearchHitOut(kind=h.kind, name=h.name, detail=h.detail, successors=h.successors, exact=h.exact)
        for h in selectors.search_names(q[:200])
    ]


@router.get("/resolve-agency", response=ResolutionOut)
def resolve_agency(request: HttpRequest, name: str) -> ResolutionOut:
    province = selectors.home_province()
    if province is None:
        return ResolutionOut(written=name, via="unmatched", note="Chưa khởi tạo tỉnh", agencies=[])
    match = selectors.resolve_agency_name(province, name[:300])
    return ResolutionOut(
        written=match.written,
        via=match.via,
        note=match.note,
        agencies=[_agency_out(a) for a in match.agencies],
    )
