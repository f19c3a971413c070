"""Reads for the rules page: rules are public within Loa, their edit history is the audit log."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from loa.core.models import AuditEvent
from loa.deadlines.calendar import WEEKDAY_NAMES_VI, DayOff
from loa.deadlines.models import CalendarDay, LegalRule
from loa.deadlines.rules import ROUNDS, Rule, validate_rules
from loa.deadlines.services import db_calendar, db_rules


@dataclass(frozen=True)
class RuleGroup:
    rule_id: str
    title_vi: str
    generations: list[LegalRule]

    @property
    def has_tbc(self) -> bool:
        return any(g.verification == LegalRule.Verification.TBC for g in self.generations)

    @property
    def gives_deadline(self) -> bool:
        """False for a limit that is no time (the number of correction rounds): nothing to calculate."""
        return any(g.unit != ROUNDS for g in self.generations)


def rule_groups() -> list[RuleGroup]:
    db_rules()  # seeds an empty table
    groups: dict[str, list[LegalRule]] = {}
    for row in LegalRule.objects.order_by("rule_id", "valid_from"):
        groups.setdefault(row.rule_id, []).append(row)
    return [RuleGroup(rule_id, rows[-1].title_vi, rows) for rule_id, rows in groups.items()]


def rule_problems() -> list[str]:
    """Overlaps and broken `superseded_by` links an administrator should fix."""
    return validate_rules(db_rules())


def rule_history(limit: int = 30) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(object_type__in=["deadlines.legalrule", "deadlines.calendarday"])[:limit]


def announced_days(year: int) -> QuerySet[CalendarDay]:
    return CalendarDay.objects.filter(year=year)


def year_days_off(year: int) -> list[DayOff]:
    """Holidays and announced days of `year`, without the ordinary weekends."""
    weekdays = set(WEEKDAY_NAMES_VI)
    return [d for d in db_calendar().year_days_off(year) if set(d.reasons) - weekdays]


def generations(rule_id: str, rules: list[Rule] | None = None) -> list[Rule]:
    """Every generation of one rule, oldest first: the choices of an override (`rules` when the caller
    already loaded them)."""
    rules = db_rules() if rules is None else rules
    return sorted((rule for rule in rules if rule.id == rule_id), key=lambda rule: rule.valid_from)
