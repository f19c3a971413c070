"""Vietnamese administrative units after the 2025 reform, with successor links from the pre-2025 units.

Data comes from the MIT-licensed `vietnamadminunits` package (SQLite `dataset.db` and
`converter_2025.json`). The package itself is never imported: its parser pulls in unidecode (GPL), so we
locate its data folder through importlib and read the files directly.

Current and legacy codes are separate namespaces: both are GSO codes, and '19' is Thái Nguyên in both,
while legacy '45' (Quảng Trị) became current '44'.
"""

from __future__ import annotations

import difflib
import functools
import importlib.util
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from loa.text import compact_key

_PROVINCE_KINDS = ("thành phố", "tỉnh")
_DISTRICT_KINDS = ("thành phố", "thị xã", "huyện", "quận")
_COMMUNE_KINDS = ("đặc khu", "thị trấn", "phường", "xã")
_QUERY_PREFIXES = ("thanhpho", "tinh", "tp")

# Spellings seen in the press that the dataset does not list, keyed by compact key. Values are current
# province codes.
_EXTRA_PROVINCE_ALIASES: dict[str, str] = {
    "tphcm": "79",
    "saigon": "79",
    "thuathienhue": "46",
    "baccan": "19",
    "daclac": "66",
}


@dataclass(frozen=True, slots=True)
class Province:
    code: str
    name: str  # "Tỉnh Thái Nguyên", "Thành phố Hà Nội"
    short: str  # "Thái Nguyên"
    kind: str  # "tỉnh" | "thành phố"
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class Commune:
    code: str
    name: str  # "Phường Bắc Kạn"
    short: str
    kind: str  # "xã" | "phường" | "đặc khu"
    province_code: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class LegacyProvince:
    code: str
    name: str
    short: str
    kind: str
    successor_code: str  # current province code


@dataclass(frozen=True, slots=True)
class LegacyDistrict:
    code: str
    name: str  # "Huyện Bạch Thông"
    short: str
    kind: str  # "huyện" | "quận" | "thị xã" | "thành phố"
    legacy_province_code: str
    successor_province_code: str
    successor_commune_codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LegacyCommune:
    code: str
    name: str
    short: str
    kind: str  # "xã" | "phường" | "thị trấn"
    legacy_district_code: str
    legacy_province_code: str
    successor_province_code: str
    successor_commune_codes: tuple[str, ...]  # default successor first


def default_data_dir() -> Path:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the vietnamadminunits package (administrative-unit data) is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _split_kind(name: str, kinds: Iterable[str]) -> tuple[str, str, str]:
    """Split "Thành Phố Bắc Kạn" into ("thành phố", "Thành phố Bắc Kạn", "Bắc Kạn").

    The dataset's own type column disagrees with the name for a few units and capitalises some kinds
    ("Thị Xã"), so the name is the reference.
    """
    for kind in kinds:
        if name.lower().startswith(kind + " "):
            rest = name[len(kind) + 1 :].strip()
            return kind, f"{kind.capitalize()} {rest}", rest
    raise ValueError(f"unexpected unit name without a known kind: {name!r}")


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


class Gazetteer:
    """Read-only index of current and legacy units. Build it with `Gazetteer.load()`."""

    provinces: dict[str, Province]
    communes: dict[str, Commune]
    legacy_provinces: dict[str, LegacyProvince]
    legacy_districts: dict[str, LegacyDistrict]
    legacy_communes: dict[str, LegacyCommune]
    province_aliases: dict[str, str]  # compact alias ("hcm", "tphcm", "vungtau") -> current province code

    def __init__(
        self,
        provinces: dict[str, Province],
        communes: dict[str, Commune],
        legacy_provinces: dict[str, LegacyProvince],
        legacy_districts: dict[str, LegacyDistrict],
        legacy_communes: dict[str, LegacyCommune],
        province_aliases: dict[str, str],
    ) -> None:
        self.provinces = provinces
        self.communes = communes
        self.legacy_provinces = legacy_provinces
        self.legacy_districts = legacy_districts
        self.legacy_communes = legacy_communes
        self.province_aliases = province_aliases
        self._communes_by_province: dict[str, list[Commune]] = {}
        for commune in communes.values():
            self._communes_by_province.setdefault(commune.province_code, []).append(commune)
        self._province_keys = self._build_province_keys()

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Gazetteer:
        if data_dir is None:
            return _load_default()
        return _read(Path(data_dir))

    def _build_province_keys(self) -> dict[str, str]:
        """Compact key -> current province code; current names win over legacy ones ("Quảng Trị")."""
        keys: dict[str, str] = {}
        for legacy in self.legacy_provinces.values():
            keys[compact_key(legacy.short)] = legacy.successor_code
            keys[compact_key(legacy.name)] = legacy.successor_code
        keys.update(self.province_aliases)
        for province in self.provinces.values():
            keys[compact_key(province.short)] = province.code
            keys[compact_key(province.name)] = province.code
        return keys

    def find_province(self, query: str) -> Province | None:
        """Current province for a current or legacy name, with or without "tỉnh"/"thành phố"/"TP"."""
        key = compact_key(query)
        if not key:
            return None
        code = self._province_keys.get(key)
        if code is None:
            for prefix in _QUERY_PREFIXES:
                if key.startswith(prefix) and len(key) > len(prefix):
                    code = self._province_keys.get(key[len(prefix) :])
                    if code is not None:
                        break
        return self.provinces.get(code) if code else None

    def closest_provinces(self, query: str, limit: int = 3) -> list[Province]:
        """Current provinces whose current or legacy names look most like `query`, best first."""
        key = compact_key(query)
        for prefix in _QUERY_PREFIXES:
            if key.startswith(prefix) and len(key) > len(prefix) + 2:
                key = key[len(prefix) :]
                break
        matches = difflib.get_close_matches(key, list(self._province_keys), n=limit * 4, cutoff=0.5)
        codes = _unique(self._province_keys[m] for m in matches)
        return [self.provinces[code] for code in codes[:limit]]

    def communes_of(self, province_code: str) -> list[Commune]:
        return list(self._communes_by_province.get(province_code, ()))

    def legacy_provinces_of(self, province_code: str) -> list[LegacyProvince]:
        return [p for p in self.legacy_provinces.values() if p.successor_code == province_code]

    def legacy_districts_of(self, province_code: str) -> list[LegacyDistrict]:
        return [d for d in self.legacy_districts.values() if d.successor_province_code == province_code]

    def legacy_communes_of(self, province_code: str) -> list[LegacyCommune]:
        return [c for c in self.legacy_communes.values() if c.successor_province_code == province_code]


@functools.cache
def _load_default() -> Gazetteer:
    return _read(default_data_dir())


def _read(data_dir: Path) -> Gazetteer:
    db_path = data_dir / "dataset.db"
    if not db_path.is_file():
        raise FileNotFoundError(f"administrative-unit database not found: {db_path}")
    converter = json.loads((data_dir / "converter_2025.json").read_text(encoding="utf-8"))
    # immutable=1: the file lives in site-packages, possibly read-only; skip locking and journal lookups.
    connection = sqlite3.connect(f"file:{db_path}?mode=ro&immutable=1", uri=True)
    try:
        current_rows = connection.execute(
            "SELECT province, provinceCode, provinceLat, provinceLon, provinceKey, provinceAlias,"
            " ward, wardCode, wardLat, wardLon, wardKey FROM admin_units ORDER BY wardCode"
        ).fetchall()
        legacy_rows = connection.execute(
            "SELECT province, provinceCode, provinceKey, provinceAlias, district, districtCode, districtKey,"
            " ward, wardCode, wardKey FROM admin_units_legacy ORDER BY districtCode, wardCode"
        ).fetchall()
    finally:
        connection.close()

    provinces: dict[str, Province] = {}
    communes: dict[str, Commune] = {}
    province_code_by_key: dict[str, str] = {}
    commune_code_by_key: dict[tuple[str, str], str] = {}
    aliases: dict[str, str] = {}
    for p_name, p_code, p_lat, p_lon, p_key, p_alias, w_name, w_code, w_lat, w_lon, w_key in current_rows:
        if p_code not in provinces:
            kind, name, short = _split_kind(p_name, _PROVINCE_KINDS)
            provinces[p_code] = Province(p_code, name, short, kind, p_lat, p_lon)
            province_code_by_key[p_key] = p_code
            for alias in json.loads(p_alias) if p_alias else ():
                aliases[alias] = p_code
        kind, name, short = _split_kind(w_name, _COMMUNE_KINDS)
        communes[w_code] = Commune(w_code, name, short, kind, p_code, w_lat, w_lon)
        commune_code_by_key[(p_key, w_key)] = w_code

    # Old "province_district_ward" key -> (new province key, new ward keys with the default first).
    successors: dict[str, tuple[str, list[str]]] = {}
    for new_province, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, old_keys in wards.items():
            for old_key in old_keys:
                successors[old_key] = (new_province, [new_ward])
    for new_province, old_wards in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, parts in old_wards.items():
            ordered = sorted(parts, key=lambda part: not part["isDefaultNewWard"])
            successors[old_key] = (new_province, [part["newWardKey"] for part in ordered])
    new_province_by_old = {old: new for new, olds in converter["DICT_PROVINCE"].items() for old in olds}

    legacy_provinces: dict[str, LegacyProvince] = {}
    district_rows: dict[str, list[tuple[str, ...]]] = {}
    legacy_communes: dict[str, LegacyCommune] = {}
    district_info: dict[str, tuple[str, str, str, str]] = {}
    for p_name, p_code, p_key, p_alias, d_name, d_code, d_key, w_name, w_code, w_key in legacy_rows:
        successor_province = province_code_by_key[new_province_by_old[p_key]]
        if p_code not in legacy_provinces:
            kind, name, short = _split_kind(p_name, _PROVINCE_KINDS)
            legacy_provinces[p_code] = LegacyProvince(p_code, name, short, kind, successor_province)
            for alias in json.loads(p_alias) if p_alias else ():
                aliases.setdefault(alias, successor_province)
        if d_code not in district_info:
            d_kind, d_full, d_short = _split_kind(d_name, _DISTRICT_KINDS)
            district_info[d_code] = (d_kind, d_full, d_short, p_code)
        new_province_key, new_ward_keys = successors[f"{p_key}_{d_key}_{w_key or ''}"]
        successor_communes = tuple(commune_code_by_key[(new_province_key, key)] for key in new_ward_keys)
        district_rows.setdefault(d_code, []).append(successor_communes)
        if w_code is None:
            # Island districts without communes (Côn Đảo, Lý Sơn, ...): they only exist as districts.
            continue
        w_kind, w_full, w_short = _split_kind(w_name, _COMMUNE_KINDS)
        legacy_communes[w_code] = LegacyCommune(
            w_code, w_full, w_short, w_kind, d_code, p_code, successor_province, successor_communes
        )

    legacy_districts: dict[str, LegacyDistrict] = {}
    for d_code, (d_kind, d_full, d_short, p_code) in district_info.items():
        legacy_districts[d_code] = LegacyDistrict(
            d_code,
            d_full,
            d_short,
            d_kind,
            p_code,
            legacy_provinces[p_code].successor_code,
            _unique(code for codes in district_rows[d_code] for code in codes),
        )

    for alias, code in _EXTRA_PROVINCE_ALIASES.items():
        aliases.setdefault(alias, code)
    return Gazetteer(provinces, communes, legacy_provinces, legacy_districts, legacy_communes, aliases)
