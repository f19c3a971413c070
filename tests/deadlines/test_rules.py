"""Seed rules: both generations, validity chains, selection by event date, validation."""

from __future__ import annotations

import ast
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

import loa.deadlines
from loa.deadlines.rules import (
    CALENDAR_DAYS,
    HOURS,
    IMMEDIATELY,
    NO_FIXED_LIMIT,
    SEED_RULES,
    TBC,
    WORKING_DAYS,
    NoRuleInForceError,
    Rule,
    UnknownRuleError,
    rule_ids,
    select_rule,
    suggest_rule_ids,
    validate_rules,
)

ISSUE_RULE_IDS = (
    "press.urgent.first_statement",
    "press.response.editor_request",
    "press.response.petition",
    "press.response.complaint_conclusion",
    "spokesperson.publish_contact",
    "spokesperson.publish_authorisation",
    "spokesperson.internal_regulation",
    "ati.disclose",
    "ati.request.office.complex.notify",
    "ati.request.office.simple",
    "ati.request.electronic.simple",
    "ati.request.electronic.complex.notify",
    "ati.request.electronic.complex.provide",
    "ati.request.electronic.extension",
    "ati.request.post.simple",
    "ati.request.post.complex.notify",
    "ati.request.post.complex.provide",
    "ati.correction.own_error",
    "press.annual_report",
    "press.conference.quarterly",
    "press.information.monthly",
)


def test_every_rule_id_of_the_issue_exists() -> None:
    assert set(ISSUE_RULE_IDS) <= set(rule_ids())


def test_seed_rules_form_clean_generation_chains() -> None:
    assert validate_rules(SEED_RULES) == []


# (rule id, event day, amount, unit, legal basis fragment)
EXPECTED = [
    ("press.urgent.first_statement", date(2026, 6, 30), 24, HOURS, "09/2017/NĐ-CP Điều 6.3.a"),
    ("press.urgent.first_statement", date(2026, 7, 1), 24, HOURS, "244/2026/NĐ-CP Điều 7.3"),
    ("press.response.editor_request", date(2026, 6, 30), 30, CALENDAR_DAYS, "103/2016/QH13 Điều 39.1"),
    ("press.response.editor_request", date(2026, 7, 1), 30, CALENDAR_DAYS, "237/2026/NĐ-CP Điều 18.1"),
    ("press.response.petition", date(2026, 6, 30), 30, CALENDAR_DAYS, "103/2016/QH13 Điều 39.2"),
    ("press.response.petition", date(2026, 7, 1), 15, WORKING_DAYS, "237/2026/NĐ-CP Điều 18.3"),
    ("press.response.complaint_conclusion", date(2026, 6, 30), None, NO_FIXED_LIMIT, "Điều 39.2"),
    ("press.response.complaint_conclusion", date(2026, 7, 1), 5, WORKING_DAYS, "237/2026/NĐ-CP Điều 18.2"),
    ("spokesperson.publish_contact", date(2026, 6, 30), None, NO_FIXED_LIMIT, "09/2017/NĐ-CP Điều 3.4"),
    ("spokesperson.publish_contact", date(2026, 7, 1), 24, HOURS, "244/2026/NĐ-CP Điều 3.3"),
    ("spokesperson.publish_authorisation", date(2026, 6, 30), 12, HOURS, "09/2017/NĐ-CP Điều 3.6"),
    ("spokesperson.publish_authorisation", date(2026, 7, 1), None, NO_FIXED_LIMIT, "244/2026/NĐ-CP"),
    ("spokesperson.internal_regulation", date(2026, 7, 1), 45, CALENDAR_DAYS, "244/2026/NĐ-CP Điều 12"),
    ("ati.disclose", date(2026, 8, 31), 5, WORKING_DAYS, "104/2016/QH13 Điều 18.4"),
    ("ati.request.office.simple", date(2026, 8, 31), None, IMMEDIATELY, "Điều 29"),
    ("ati.request.office.complex.notify", date(2026, 8, 31), 10, WORKING_DAYS, "Điều 29"),
    ("ati.request.electronic.simple", date(2026, 8, 31), 3, WORKING_DAYS, "Điều 30"),
    ("ati.request.electronic.complex.notify", date(2026, 8, 31), 3, WORKING_DAYS, "Điều 30"),
    ("ati.request.electronic.complex.provide", date(2026, 8, 31), 15, WORKING_DAYS, "Điều 30"),
    ("ati.request.electronic.extension", date(2026, 8, 31), 15, CALENDAR_DAYS, "Điều 30"),
    ("ati.request.post.simple", date(2026, 8, 31), 5, WORKING_DAYS, "Điều 31"),
    ("ati.request.post.complex.notify", date(2026, 8, 31), 3, WORKING_DAYS, "Điều 31"),
    ("ati.request.post.complex.provide", date(2026, 8, 31), 15, WORKING_DAYS, "Điều 31"),
    ("ati.correction.own_error", date(2026, 8, 31), 5, WORKING_DAYS, "Điều 32"),
    ("ati.request.post.complex.provide", date(2026, 9, 1), 15, WORKING_DAYS, "sửa đổi"),
]


@pytest.mark.parametrize(("rule_id", "day", "amount", "unit", "basis"), EXPECTED)
def test_seed_values(rule_id: str, day: date, amount: int | None, unit: str, basis: str) -> None:
    rule = select_rule(SEED_RULES, rule_id, day)
    assert (rule.amount, rule.unit) == (amount, unit)
    assert basis in rule.legal_basis


def test_successor_generations_are_tbc() -> None:
    for rule in SEED_RULES:
        if rule.valid_from >= date(2026, 7, 1):
            assert rule.verification == TBC, rule.key


def test_ati_amended_law_keeps_the_2016_numbers() -> None:
    for rule_id in {rule.id for rule in SEED_RULES if rule.id.startswith("ati.")}:
        old = select_rule(SEED_RULES, rule_id, date(2026, 8, 31))
        new = select_rule(SEED_RULES, rule_id, date(2026, 9, 1))
        assert (old.amount, old.unit) == (new.amount, new.unit)
        assert old.superseded_by == new.key


def test_select_rule_uses_the_vietnam_date_of_the_event() -> None:
    rule = select_rule(
        SEED_RULES, "press.response.petition", datetime.fromisoformat("2026-06-30T17:30:00+00:00")
    )
    assert rule.valid_from == date(2026, 7, 1)


def test_unknown_rule_suggests_close_ids() -> None:
    with pytest.raises(UnknownRuleError) as caught:
        select_rule(SEED_RULES, "press.respons.petiton", date(2026, 7, 1))
    assert caught.value.suggestions[0] == "press.response.petition"
    assert "unknown rule id" in str(caught.value)
    assert suggest_rule_ids(SEED_RULES, "ati.request.post")[:4] == [
        "ati.request.post.complex.notify",
        "ati.request.post.complex.provide",
        "ati.request.post.extension",
        "ati.request.post.simple",
    ]


def test_rule_not_in_force_on_the_event_date() -> None:
    with pytest.raises(NoRuleInForceError, match="01/03/2026"):
        select_rule(SEED_RULES, "press.annual_report", date(2026, 3, 1))


BASE = select_rule(SEED_RULES, "press.response.petition", date(2026, 7, 1))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"unit": "weeks"}, "unknown unit"),
        ({"amount": None}, "needs amount"),
        ({"unit": IMMEDIATELY}, "takes no amount"),
        ({"amount": 0}, "positive"),
        ({"anchor": (12, 20)}, "anchor"),
        ({"valid_to": date(2026, 1, 1)}, "valid_to before valid_from"),
        ({"verification": "maybe"}, "verification"),
    ],
)
def test_rule_rejects_inconsistent_data(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        replace(BASE, **changes)  # type: ignore[arg-type]


def test_validate_rules_reports_overlaps_and_broken_links() -> None:
    older = select_rule(SEED_RULES, "press.response.petition", date(2026, 6, 30))
    overlapping = replace(older, valid_to=date(2026, 7, 5))
    problems = validate_rules([overlapping, BASE])
    assert any("overlaps" in problem for problem in problems)
    gapped = replace(older, valid_to=date(2026, 6, 20))
    assert any("gap" in problem for problem in validate_rules([gapped, BASE]))
    unlinked = replace(older, superseded_by=None)
    assert any("should be superseded_by" in problem for problem in validate_rules([unlinked, BASE]))
    dangling = replace(BASE, superseded_by="press.response.petition@2030-01-01")
    assert any("unknown" in problem for problem in validate_rules([older, dangling]))
    assert any("same id" in problem for problem in validate_rules([BASE, BASE]))


def test_rule_as_dict_round_trips_core_fields() -> None:
    data = BASE.as_dict()
    assert data["key"] == "press.response.petition@2026-07-01"
    assert data["valid_to"] is None and data["unit"] == WORKING_DAYS


def test_pure_modules_do_not_import_django() -> None:
    package = Path(loa.deadlines.__file__).parent
    for name in ("__init__", "calendar", "rules", "engine", "commands"):
        tree = ast.parse((package / f"{name}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            else:
                continue
            assert not any(module.split(".")[0] == "django" for module in modules), name


def test_rule_is_hashable_and_frozen() -> None:
    assert len({BASE, BASE}) == 1
    with pytest.raises(AttributeError):
        BASE.amount = 3  # type: ignore[misc]
    assert isinstance(BASE, Rule)
