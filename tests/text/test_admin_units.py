"""Official administrative-unit names (vietnamadminunits data files) against our conventions.

The names follow the tone placement Loa adopted (Hòa, Thủy), and the dataset's lookup keys are
exactly our compact keys, so both are checked over every name in the package's JSON files. The
package cannot be imported without its optional GIS dependencies, so its data is located, not imported.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from loa.text import compact_key, normalize, search_key


def _data_dir() -> Path:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("vietnamadminunits is not installed (requirements/nodeps.txt)")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _units(tree: dict[str, Any], level: str) -> Iterator[tuple[str, str]]:
    for key, unit in tree.items():
        if isinstance(unit[level], str):  # a few records carry NaN instead of a name
            yield key, unit[level]


def _all_units() -> list[tuple[str, str]]:
    data = _data_dir()
    current = json.loads((data / "parser_from_2025.json").read_text(encoding="utf-8"))
    legacy = json.loads((data / "parser_legacy.json").read_text(encoding="utf-8"))
    units = [*_units(current["DICT_PROVINCE"], "province"), *_units(legacy["DICT_PROVINCE"], "province")]
    for wards in current["DICT_PROVINCE_WARD_NO_ACCENTED"].values():
        units.extend(_units(wards, "ward"))
    for districts in legacy["DICT_PROVINCE_DISTRICT"].values():
        units.extend(_units(districts, "district"))
    for districts in legacy["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"].values():
        for wards in districts.values():
            units.extend(_units(wards, "ward"))
    return units


@pytest.fixture(scope="module")
def units() -> list[tuple[str, str]]:
    found = _all_units()
    assert len(found) > 10_000
    return found


def test_official_names_are_already_normalized(units: list[tuple[str, str]]) -> None:
    changed = [name for _, name in units if normalize(name) != name]
    assert changed == []


def test_dataset_keys_are_compact_keys(units: list[tuple[str, str]]) -> None:
    mismatched = [(key, name) for key, name in units if compact_key(name) != key]
    assert mismatched == []


def test_other_tone_convention_finds_the_same_unit(units: list[tuple[str, str]]) -> None:
    names = {name for _, name in units}
    assert "Tỉnh Khánh Hòa" in names
    assert normalize("Tỉnh Khánh Hoà") in names
    assert search_key("tinh khanh hoa") == search_key("Tỉnh Khánh Hoà")
