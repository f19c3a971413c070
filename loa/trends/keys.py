"""Series keys: which slice of the monitored stream a series counts, its Vietnamese label, and the
agencies an alert on it is routed to.

    all                   the whole monitored stream of the province
    topic:<label>         a topic of the classifier (VNTC labels, e.g. "topic:Suc khoe")
    sector:<id>           a sector rule (routed to the sector's agency)
    commune:<code>        articles placed in a commune (routed to its People's Committee)
    agency:<id>           everything in the sectors routed to an agency
    search:<id>           a saved search
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.utils.translation import gettext, gettext_noop

from loa.monitoring.models import SavedSearch, Sector
from loa.organisations.models import Agency, Commune

ALL = "all"
PREFIXES = ("topic", "sector", "commune", "agency", "search")
NUMERIC_PREFIXES = ("sector", "agency", "search")

# Labels stay Vietnamese (they go into alerts, digests and e-mails); screens translate them with ui_labels.
TOPIC_LABELS = {
    "Chinh tri Xa hoi": gettext_noop("Chính trị - Xã hội"),
    "Doi song": gettext_noop("Đời sống"),
    "Khoa hoc": gettext_noop("Khoa học"),
    "Kinh doanh": gettext_noop("Kinh doanh"),
    "Phap luat": gettext_noop("Pháp luật"),
    "Suc khoe": gettext_noop("Sức khỏe"),
    "The gioi": gettext_noop("Thế giới"),
    "The thao": gettext_noop("Thể thao"),
    "Van hoa": gettext_noop("Văn hóa"),
    "Vi tinh": gettext_noop("Công nghệ"),
}
PREFIX_LABELS = {
    "topic": gettext_noop("Chủ đề"),
    "sector": gettext_noop("Lĩnh vực"),
    "commune": gettext_noop("Địa bàn"),
    "agency": gettext_noop("Cơ quan"),
    "search": gettext_noop("Tìm kiếm đã lưu"),
}


def topic(label: str) -> str:
    return f"topic:{label}"


def sector(sector_id: int) -> str:
    return f"sector:{sector_id}"


def commune(code: str) -> str:
    return f"commune:{code}"


def agency(agency_id: int) -> str:
    return f"agency:{agency_id}"


def search(search_id: int) -> str:
    return f"search:{search_id}"


def parse(key: str) -> tuple[str, str]:
    """(prefix, value); raises ValueError for a key outside the grammar above."""
    if key == ALL:
        return ALL, ""
    prefix, sep, value = key.partition(":")
    if not sep or prefix not in PREFIXES or not value.strip():
        raise ValueError(
            f"Chuỗi không hợp lệ: {key!r} (all, topic:…, sector:…, commune:…, agency:…, search:…)"
        )
    if prefix in NUMERIC_PREFIXES and not value.isdigit():
        raise ValueError(f"Chuỗi không hợp lệ: {key!r} (cần mã số sau {prefix}:)")
    return prefix, value


def is_valid(key: str) -> bool:
    try:
        parse(key)
    except ValueError:
        return False
    return True


def _ids(values: list[str]) -> list[int]:
    return [int(v) for v in values if v.isdigit()]


def _same(text: str) -> str:
    return text


def labels(keys: Iterable[str], translate: Callable[[str], str] = _same) -> dict[str, str]:
    """Vietnamese labels for many keys with one query per kind (``translate=gettext`` for a screen)."""
    wanted: dict[str, list[str]] = {p: [] for p in PREFIXES}
    keys = list(dict.fromkeys(keys))
    for key in keys:
        if is_valid(key) and key != ALL:
            prefix, value = parse(key)
            wanted[prefix].append(value)
    names: dict[str, str] = {}
    for pk, name in Sector.objects.filter(pk__in=_ids(wanted["sector"])).values_list("pk", "name"):
        names[sector(pk)] = translate(gettext_noop("Lĩnh vực: %(name)s")) % {"name": name}
    for code, name in Commune.objects.filter(code__in=wanted["commune"]).values_list("code", "name"):
        names[commune(code)] = name
    for pk, name in Agency.objects.filter(pk__in=_ids(wanted["agency"])).values_list("pk", "name"):
        names[agency(pk)] = name
    for pk, name in SavedSearch.objects.filter(pk__in=_ids(wanted["search"])).values_list("pk", "name"):
        names[search(pk)] = translate(gettext_noop("Tìm kiếm: %(name)s")) % {"name": name}
    result = {}
    for key in keys:
        if key == ALL:
            result[key] = translate(gettext_noop("Toàn tỉnh"))
        elif key in names:
            result[key] = names[key]
        elif key.startswith("topic:"):
            value = key.partition(":")[2]
            name = translate(TOPIC_LABELS[value]) if value in TOPIC_LABELS else value
            result[key] = translate(gettext_noop("Chủ đề: %(name)s")) % {"name": name}
        else:
            result[key] = key
    return result


def label(key: str) -> str:
    return labels([key])[key]


def ui_labels(keys: Iterable[str]) -> dict[str, str]:
    """Labels in the viewer's language, for screens only."""
    return labels(keys, translate=gettext)


def ui_label(key: str) -> str:
    return ui_labels([key])[key]


def routed_agencies(keys: Iterable[str]) -> dict[str, list[int]]:
    """Agencies responsible for each key: a commune's People's Committee, a sector's agency, an agency."""
    keys = [k for k in dict.fromkeys(keys) if is_valid(k)]
    routes: dict[str, list[int]] = {key: [] for key in keys}
    communes = [parse(k)[1] for k in keys if k.startswith("commune:")]
    for code, pk in Agency.objects.filter(
        commune__code__in=communes, role=Agency.Role.COMMUNE_COMMITTEE, is_active=True
    ).values_list("commune__code", "pk"):
        routes[commune(code)].append(pk)
    sectors = _ids([parse(k)[1] for k in keys if k.startswith("sector:")])
    for pk, agency_id in Sector.objects.filter(pk__in=sectors, agency__isnull=False).values_list(
        "pk", "agency_id"
    ):
        routes[sector(pk)].append(agency_id)
    agencies = set(
        Agency.objects.filter(
            pk__in=_ids([parse(k)[1] for k in keys if k.startswith("agency:")])
        ).values_list("pk", flat=True)
    )
    for key in keys:
        if key.startswith("agency:") and int(parse(key)[1]) in agencies:
            routes[key].append(int(parse(key)[1]))
    return routes


def agency_keys(target: Agency) -> list[str]:
    """Every key whose alerts route to `target`: its own, its sectors', and its commune's for a commune
    committee."""
    found = [agency(target.pk)]
    if target.role == Agency.Role.COMMUNE_COMMITTEE and target.commune_id:
        code = Commune.objects.filter(pk=target.commune_id).values_list("code", flat=True).first()
        if code:
            found.append(commune(code))
    found += [sector(pk) for pk in Sector.objects.filter(agency=target).values_list("pk", flat=True)]
    return found
