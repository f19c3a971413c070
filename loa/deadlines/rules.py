"""Legal deadlines as versioned data (legal-requirements §1, §3.B–3.F). Pure Python: no Django.

A rule id names an obligation ("press.response.petition"); each generation of it is one `Rule` with its
own validity. The generation applied is the one in force on the date of the event that starts the clock
(`select_rule`). `SEED_RULES` is the initial data; the database copy edited by administrators is seeded
from it and handed back to the engine as plain `Rule` objects.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise

from loa.deadlines.calendar import format_day, to_vietnam_time

HOURS = "hours"
CALENDAR_DAYS = "calendar_days"
WORKING_DAYS = "working_days"
MONTHS = "months"
IMMEDIATELY = "immediately"
NEXT_ISSUE = "next_issue"
BEFORE_DAY_OF_YEAR = "before_day_of_year"
NO_FIXED_LIMIT = "none"
# Not a period: a limit on how many times something may happen (e.g. rounds of correction requests).
ROUNDS = "rounds"
UNITS = (
    HOURS,
    CALENDAR_DAYS,
    WORKING_DAYS,
    MONTHS,
    IMMEDIATELY,
    NEXT_ISSUE,
    BEFORE_DAY_OF_YEAR,
    NO_FIXED_LIMIT,
    ROUNDS,
)
COUNTED_UNITS = (HOURS, CALENDAR_DAYS, WORKING_DAYS, MONTHS)

CONFIRMED = "confirmed"
TBC = "TBC"

# applies_to uses the agency roles of loa.organisations (Agency.Role values).
PROVINCE = "provincial_committee"
DEPARTMENT = "department"
COMMUNE = "commune_committee"
PRESS = "press"
ADMINISTRATIVE = (PROVINCE, DEPARTMENT, COMMUNE)


@dataclass(frozen=True)
class Rule:
    """One generation of a legal deadline.

    `amount` is None for units without a number (immediately, next issue, no fixed limit,
    before a day of the year); `anchor` is the (month, day) of `before_day_of_year` rules.
    `superseded_by` is the `key` of the next generation.
    """

    id: str
    title_vi: str
    legal_basis: str
    valid_from: date
    valid_to: date | None
    trigger: str
    amount: int | None
    unit: str
    applies_to: tuple[str, ...]
    on_breach: str
    verification: str
    superseded_by: str | None = None
    anchor: tuple[int, int] | None = None
    note: str = ""

    def __post_init__(self) -> None:
        if self.unit not in UNITS:
            raise ValueError(f"{self.key}: unknown unit {self.unit!r} (expected one of {', '.join(UNITS)})")
        needs_amount = self.unit in (*COUNTED_UNITS, ROUNDS)
        if needs_amount != (self.amount is not None):
            raise ValueError(f"{self.key}: unit {self.unit} {'needs' if needs_amount else 'takes no'} amount")
        if self.amount is not None and self.amount <= 0:
            raise ValueError(f"{self.key}: amount must be positive")
        if (self.unit == BEFORE_DAY_OF_YEAR) != (self.anchor is not None):
            raise ValueError(f"{self.key}: anchor (month, day) goes with unit {BEFORE_DAY_OF_YEAR} only")
        if self.anchor is not None:
            date(2000, *self.anchor)  # leap year: accepts 29/2, rejects impossible days
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError(f"{self.key}: valid_to before valid_from")
        if self.verification not in (CONFIRMED, TBC):
            raise ValueError(f"{self.key}: verification must be {CONFIRMED!r} or {TBC!r}")

    @property
    def key(self) -> str:
        """Identifies one generation: "<id>@<valid_from>"."""
        return f"{self.id}@{self.valid_from.isoformat()}"

    def in_force_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)

    def validity_vi(self) -> str:
        if self.valid_to is None:
            return f"hiệu lực từ {format_day(self.valid_from)}"
        return f"hiệu lực {format_day(self.valid_from)}–{format_day(self.valid_to)}"

    def amount_vi(self) -> str:
        match self.unit:
            case "hours":
                return f"{self.amount} giờ"
            case "calendar_days":
                return f"{self.amount} ngày"
            case "working_days":
                return f"{self.amount} ngày làm việc"
            case "months":
                return f"{self.amount} tháng"
            case "immediately":
                return "ngay"
            case "next_issue":
                return "trong số báo, chương trình tiếp theo"
            case "rounds":
                return f"tối đa {self.amount} vòng"
            case "before_day_of_year":
                assert self.anchor is not None
                month, day = self.anchor
                return f"trước ngày {day:02d}/{month:02d} hằng năm"
        return "không quy định thời hạn cố định"

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "key": self.key,
            "title_vi": self.title_vi,
            "legal_basis": self.legal_basis,
            "valid_from": self.valid_from.isoformat(),
            "valid_to": self.valid_to.isoformat() if self.valid_to else None,
            "trigger": self.trigger,
            "amount": self.amount,
            "unit": self.unit,
            "anchor": list(self.anchor) if self.anchor else None,
            "applies_to": list(self.applies_to),
            "on_breach": self.on_breach,
            "verification": self.verification,
            "superseded_by": self.superseded_by,
            "note": self.note,
        }


class RuleLookupError(LookupError):
    """Base of the errors `select_rule` raises; the message is Vietnamese first, English in brackets."""


class UnknownRuleError(RuleLookupError):
    def __init__(self, rule_id: str, suggestions: list[str]) -> None:
        self.rule_id = rule_id
        self.suggestions = suggestions
        hint = f" Gần giống (did you mean): {', '.join(suggestions)}." if suggestions else ""
        super().__init__(f"không có quy tắc {rule_id!r} (unknown rule id).{hint}")


class NoRuleInForceError(RuleLookupError):
    def __init__(self, rule_id: str, day: date, generations: list[Rule]) -> None:
        self.rule_id = rule_id
        self.day = day
        spans = "; ".join(f"{rule.legal_basis}: {rule.validity_vi()}" for rule in generations)
        super().__init__(
            f"quy tắc {rule_id!r} không có hiệu lực vào ngày {format_day(day)} "
            f"(no generation in force on that date). Các thế hệ: {spans}."
        )


def suggest_rule_ids(rules: Iterable[Rule], rule_id: str, limit: int = 5) -> list[str]:
    """Ids that contain what was typed first (a prefix like "ati.request.post"), then spelling neighbours."""
    ids = sorted({rule.id for rule in rules})
    containing = [known for known in ids if rule_id and rule_id in known]
    close = difflib.get_close_matches(rule_id, ids, n=limit, cutoff=0.6)
    return list(dict.fromkeys(containing + close))[:limit]


def select_rule(rules: Iterable[Rule], rule_id: str, event_time: datetime | date) -> Rule:
    """The generation of `rule_id` in force on the (Vietnam) date of the event that starts the clock."""
    rules = list(rules)
    day = to_vietnam_time(event_time).date() if isinstance(event_time, datetime) else event_time
    generations = sorted((rule for rule in rules if rule.id == rule_id), key=lambda rule: rule.valid_from)
    if not generations:
        raise UnknownRuleError(rule_id, suggest_rule_ids(rules, rule_id))
    for rule in generations:
        if rule.in_force_on(day):
            return rule
    raise NoRuleInForceError(rule_id, day, generations)


def validate_rules(rules: Iterable[Rule]) -> list[str]:
    """Problems in a rule set: overlapping generations, broken or gapped `superseded_by` links."""
    rules = list(rules)
    by_key = {rule.key: rule for rule in rules}
    problems = []
    if len(by_key) != len(rules):
        problems.append("two generations share the same id and valid_from")
    by_id: dict[str, list[Rule]] = {}
    for rule in rules:
        by_id.setdefault(rule.id, []).append(rule)
    for rule_id, generations in sorted(by_id.items()):
        generations.sort(key=lambda rule: rule.valid_from)
        for older, newer in pairwise(generations):
            if older.valid_to is None or older.valid_to >= newer.valid_from:
                problems.append(f"{rule_id}: {older.key} overlaps {newer.key}")
            if older.superseded_by != newer.key:
                problems.append(f"{rule_id}: {older.key} should be superseded_by {newer.key}")
            elif older.valid_to is not None and older.valid_to + timedelta(days=1) != newer.valid_from:
                problems.append(f"{rule_id}: gap between {older.key} and {newer.key}")
        if generations[-1].superseded_by is not None:
            problems.append(
                f"{rule_id}: {generations[-1].key} superseded_by unknown {generations[-1].superseded_by}"
            )
    return problems


# --- Seed data --------------------------------------------------------------------------------------

DECREE_09 = "Nghị định 09/2017/NĐ-CP"
DECREE_244 = "Nghị định 244/2026/NĐ-CP"
DECREE_237 = "Nghị định 237/2026/NĐ-CP"
PRESS_LAW_2016 = "Luật Báo chí 103/2016/QH13"
ATI_LAW_2016 = "Luật Tiếp cận thông tin 104/2016/QH13"
ATI_LAW_AMENDED = "Luật Tiếp cận thông tin (sửa đổi, số hiệu TBC)"

DECREE_09_FROM = date(2017, 3, 30)
PRESS_LAW_2016_FROM = date(2017, 1, 1)
ATI_LAW_2016_FROM = date(2018, 7, 1)
GENERATION_2026_FROM = date(2026, 7, 1)
ATI_AMENDED_FROM = date(2026, 9, 1)

PRESS_ESCALATION = (
    "Quá hạn: cơ quan báo chí có quyền phản ánh với cơ quan cấp trên hoặc đăng tải việc chậm trả lời."
)
LATE_STATEMENT = "Quá hạn: ghi nhận phát ngôn trễ hạn (KPI K5), báo cáo người đứng đầu."
LATE_PUBLICATION = "Quá hạn: ghi nhận công bố trễ hạn trong sổ người phát ngôn, nhắc đơn vị."
ATI_LATE = (
    "Quá hạn: người yêu cầu có quyền khiếu nại, khởi kiện, tố cáo theo Luật Tiếp cận thông tin; "
    "ghi nhận trễ hạn trong sổ theo dõi."
)
ATI_CHANGE_NOTE = (
    "Luật sửa đổi có hiệu lực 01/09/2026; điều khoản và con số chưa đối chiếu, tạm giữ như luật 2016."
)


@dataclass(frozen=True)
class _Version:
    valid_from: date
    legal_basis: str
    trigger: str
    amount: int | None
    unit: str
    verification: str
    note: str = ""
    anchor: tuple[int, int] | None = None


def _generations(
    rule_id: str, title_vi: str, applies_to: tuple[str, ...], on_breach: str, *versions: _Version
) -> tuple[Rule, ...]:
    """Chain the versions of one obligation: each ends the day before the next starts and points to it."""
    ordered = sorted(versions, key=lambda version: version.valid_from)
    rules = []
    for version, following in zip(ordered, [*ordered[1:], None], strict=True):
        rules.append(
            Rule(
                id=rule_id,
                title_vi=title_vi,
                legal_basis=version.legal_basis,
                valid_from=version.valid_from,
                valid_to=following.valid_from - timedelta(days=1) if following else None,
                trigger=version.trigger,
                amount=version.amount,
                unit=version.unit,
                applies_to=applies_to,
                on_breach=on_breach,
                verification=version.verification,
                superseded_by=f"{rule_id}@{following.valid_from.isoformat()}" if following else None,
                anchor=version.anchor,
                note=version.note,
            )
        )
    return tuple(rules)


def _ati(
    rule_id: str,
    title_vi: str,
    article: str,
    trigger: str,
    amount: int | None,
    unit: str,
    verification: str = CONFIRMED,
    note: str = "",
) -> tuple[Rule, ...]:
    """ATI rules: Law 104/2016 from 1/7/2018, then the amended law from 1/9/2026 with the same values (TBC)."""
    return _generations(
        rule_id,
        title_vi,
        ADMINISTRATIVE,
        ATI_LATE,
        _Version(
            ATI_LAW_2016_FROM, f"{ATI_LAW_2016} Điều {article}", trigger, amount, unit, verification, note
        ),
        _Version(
            ATI_AMENDED_FROM,
            f"{ATI_LAW_AMENDED}, tương ứng Điều {article} luật 2016 (TBC)",
            trigger,
            amount,
            unit,
            TBC,
            " ".join(filter(None, (ATI_CHANGE_NOTE, note))),
        ),
    )


CORRECTION_ROUNDS_RULE = "press.correction.max_rounds"

FIFTEEN_DAYS_NOTE = (
    'Luật ghi "15 ngày" không nói rõ ngày làm việc: tính theo ngày lịch cho đến khi được xác nhận.'
)

SEED_RULES: tuple[Rule, ...] = (
    # §3.C Urgent press information.
    *_generations(
        "press.urgent.first_statement",
        "Phát ngôn, cung cấp thông tin ban đầu về sự kiện, vấn đề gây tác động lớn hoặc cần định hướng dư luận",
        ADMINISTRATIVE,
        LATE_STATEMENT,
        _Version(
            DECREE_09_FROM,
            f"{DECREE_09} Điều 6.3.a",
            "thời điểm xảy ra sự kiện, vấn đề",
            24,
            HOURS,
            CONFIRMED,
        ),
        _Version(
            GENERATION_2026_FROM,
            f"{DECREE_244} Điều 7.3",
            "thời điểm tiếp nhận và xử lý thông tin về sự kiện, vấn đề",
            24,
            HOURS,
            TBC,
        ),
    ),
    *_generations(
        "press.urgent.divided_opinion",
        "Phát ngôn khi dư luận có ý kiến trái chiều về sự kiện, vấn đề",
        ADMINISTRATIVE,
        LATE_STATEMENT,
        _Version(
            DECREE_09_FROM,
            f"{DECREE_09} Điều 6.3.a",
            "thời điểm phát hiện (nguy cơ) tác động đến dư luận",
            None,
            NO_FIXED_LIMIT,
            CONFIRMED,
            note="Nghị định 09/2017 yêu cầu phát ngôn kịp thời nhưng không ấn định số giờ.",
        ),
        _Version(
            GENERATION_2026_FROM,
            f"{DECREE_244} Điều 7.4",
            "thời điểm phát hiện (nguy cơ) tác động đến dư luận",
            24,
            HOURS,
            TBC,
        ),
    ),
    # §3.C Regular press information (province).
    *_generations(
        "press.information.monthly",
        "Cung cấp thông tin định kỳ cho báo chí và cập nhật trên cổng thông tin (hằng tháng)",
        (PROVINCE,),
        "Quá hạn: ghi nhận chưa cung cấp thông tin định kỳ trong tháng.",
        _Version(
            DECREE_09_FROM,
            f"{DECREE_09} Điều 5.2.a",
            "lần cung cấp thông tin định kỳ gần nhất",
            1,
            MONTHS,
            CONFIRMED,
        ),
        _Version(
            GENERATION_2026_FROM,
            f"{DECREE_244} Điều 6.2.a",
            "lần cung cấp thông tin định kỳ gần nhất",
            1,
            MONTHS,
            TBC,
        ),
    ),
    *_generations(
        "press.conference.quarterly",
        "Họp báo định kỳ ít nhất 3 tháng một lần",
        (PROVINCE,),
        "Quá hạn: ghi nhận chưa tổ chức họp báo định kỳ (KPI K1).",
        _Version(
            DECREE_09_FROM,
            f"{DECREE_09} Điều 5.2.b; {PRESS_LAW_2016} Điều 41.2",
            "buổi họp báo định kỳ gần nhất",
            3,
            MONTHS,
            CONFIRMED,
        ),
        _Version(
            GENERATION_2026_FROM, f"{DECREE_244} Điều 6.2.b", "buổi họp báo định kỳ gần nhất", 3, MONTHS, TBC
        ),
    ),
    # §3.D Responses to issues raised by the press.
    *_generations(
        "press.response.editor_request",
        "Trả lời trên báo chí theo yêu cầu của người đứng đầu cơ quan báo chí",
        ADMINISTRATIVE,
        PRESS_ESCALATION,
        _Version(
            PRESS_LAW_2016_FROM,
            f"{PRESS_LAW_2016} Điều 39.1",
            "ngày nhận được yêu cầu của người đứng đầu cơ quan báo chí",
            30,
            CALENDAR_DAYS,
            CONFIRMED,
        ),
        _Version(
            GENERATION_2026_FROM,
            f"{DECREE_237} Điều 18.1",
            "ngày nhận được yêu cầu của người đứng đầu cơ quan báo chí",
            30,
            CALENDAR_DAYS,
            TBC,
        ),
    ),
    *_generations(
        "press.response.petition",
        "Thông báo biện pháp xử lý ý kiến, kiến nghị, phản ánh, phê bình do báo chí chuyển đến",
        ADMINISTRATIVE,
        PRESS_ESCALATION,
        _Version(
            PRESS_LAW_2016_FROM,
            f"{PRESS_LAW_2016} Điều 39.2",
            "ngày nhận được ý kiến, kiến nghị, phê bình, khiếu nại, tố cáo do báo chí chuyển đến",
            30,
            CALENDAR_DAYS,
            CONFIRMED,
        ),
        _Version(
            GENERATION_2026_FROM,
            f"{DECREE_237} Điều 18.3",
            "ngày nhận được ý kiến, kiến nghị, phản ánh, phê bình do báo chí chuyển đến",
            15,
            WORKING_DAYS,
            TBC,
        ),
    ),
    *_generations(
        "press.response.complaint_acceptance",
        "Thông báo việc thụ lý hoặc không thụ lý khiếu nại, tố cáo do báo chí chuyển đến",
        ADMINISTRATIVE,
        PRESS_ESCALATION,
        _Version(
            PRESS_LAW_2016_FROM,
            f"{PRESS_LAW_2016} Điều 39.2",
            "ngày nhận được khiếu nại, tố cáo do báo chí chuyển đến",
            30,
            CALENDAR_DAYS,
            CONFIRMED,
            note="Luật Báo chí 2016 gộp khiếu nại, tố cáo với ý kiến, kiến nghị: thông báo biện pháp xử lý "
            "trong 30 ngày.",
        ),
        _Version(
            GENERATION_2026_FROM,
            f"{DECREE_237} Điều 18.2",
            "ngày nhận được khiếu nại, tố cáo do báo chí chuyển đến",
            None,
            NO_FIXED_LIMIT,
            TBC,
            note="Thời hạn thụ lý theo pháp luật về khiếu nại, tố cáo (Luật Khiếu nại 2011, Luật Tố cáo 2018); "
            "nhập thời hạn cụ thể khi đã đối chiếu.",
        ),
    ),
    *_generations(
        "press.response.complaint_conclusion",
        "Thông báo cho cơ quan báo chí kết luận giải quyết khiếu nại, tố cáo đã thụ lý do báo chí chuyển đến",
        ADMINISTRATIVE,
        PRESS_ESCALATION,
        _Version(
            PRESS_LAW_2016_FROM,
            f"{PRESS_LAW_2016} Điều 39.2",
            "ngày có kết luận giải quyết khiếu nại, tố cáo",
            None,
            NO_FIXED_LIMIT,
            TBC,
            note=(
                "Luật Báo chí 2016 không đặt thời hạn riêng cho việc báo kết luận: khiếu nại, tố cáo do báo chí "
                "chuyển đến phải được thông báo biện pháp xử lý trong 30 ngày (quy tắc press.response.petition); "
                "thời hạn giải quyết theo Luật Khiếu nại 2011, Luật Tố cáo 2018."
            ),
        ),
        _Version(
            GENERATION_2026_FROM,
            f"{DECREE_237} Điều 18.2",
            "ngày có kết luận giải quyết khiếu nại, tố cáo đã thụ lý",
            5,
            WORKING_DAYS,
            TBC,
            note="Việc thụ lý hay không thụ lý theo pháp luật về khiếu nại, tố cáo.",
        ),
    ),
    # §3.B Spokespersons.
    *_generations(
        "spokesperson.publish_contact",
        "Công bố họ tên, chức vụ, số điện thoại, thư điện tử của người phát ngôn thường xuyên trên cổng thông tin",
        ADMINISTRATIVE,
        LATE_PUBLICATION,
        _Version(
            DECREE_09_FROM,
            f"{DECREE_09} Điều 3.4",
            "ngày giao nhiệm vụ người phát ngôn",
            None,
            NO_FIXED_LIMIT,
            CONFIRMED,
            note="Nghị định 09/2017 yêu cầu gửi bằng văn bản cho cơ quan quản lý báo chí và đăng trên cổng "
            "thông tin, không ấn định thời hạn.",
        ),
        _Version(
            GENERATION_2026_FROM,
            f"{DECREE_244} Điều 3.3",
            "thời điểm ký quyết định giao người phát ngôn thường xuyên",
            24,
            HOURS,
            TBC,
        ),
    ),
    *_generations(
        "spokesperson.publish_authorisation",
        "Công bố thông tin và văn bản ủy quyền phát ngôn trên cổng thông tin (hoặc niêm yết tại trụ sở xã)",
        ADMINISTRATIVE,
        LATE_PUBLICATION,
        _Version(
            DECREE_09_FROM, f"{DECREE_09} Điều 3.6", "thời điểm ký văn bản ủy quyền", 12, HOURS, CONFIRMED
        ),
        _Version(
            GENERATION_2026_FROM,
            f"{DECREE_244} Điều 3.5",
            "thời điểm ký văn bản ủy quyền",
            None,
            NO_FIXED_LIMIT,
            TBC,
            note="Nghị định 244/2026 vẫn yêu cầu ủy quyền bằng văn bản, từng trường hợp, có thời hạn nhưng không "
            "nêu thời hạn công bố.",
        ),
    ),
    *_generations(
        "spokesperson.internal_regulation",
        "Ban hành quy chế nội bộ về phát ngôn và cung cấp thông tin cho báo chí (nếu chưa có)",
        ADMINISTRATIVE,
        "Quá hạn: ghi nhận đơn vị chưa ban hành quy chế nội bộ.",
        _Version(
            GENERATION_2026_FROM,
            f"{DECREE_244} Điều 12 (và Điều 8.3)",
            "ngày Nghị định 244/2026/NĐ-CP có hiệu lực (01/07/2026)",
            45,
            CALENDAR_DAYS,
            TBC,
        ),
    ),
    # §3.E Annual press-statement report.
    *_generations(
        "press.annual_report",
        "Báo cáo điện tử về công tác phát ngôn và cung cấp thông tin cho báo chí gửi Bộ VHTTDL",
        (PROVINCE,),
        "Quá hạn: báo cáo Bộ VHTTDL trễ hạn.",
        _Version(
            GENERATION_2026_FROM,
            f"{DECREE_244} Điều 10 và Phụ lục",
            "kết thúc kỳ số liệu (14/12; kỳ từ 15/12 năm trước đến 14/12)",
            None,
            BEFORE_DAY_OF_YEAR,
            TBC,
            anchor=(12, 20),
        ),
    ),
    # §3.D Follow-up by the press after a correction request (obligation of the press agency).
    *_generations(
        "press.correction.online",
        "Báo điện tử đăng cải chính, xin lỗi (giữ ít nhất 7 ngày)",
        (PRESS,),
        "Quá hạn: đề nghị cơ quan quản lý báo chí xử lý.",
        _Version(
            PRESS_LAW_2016_FROM,
            f"{PRESS_LAW_2016} Điều 42.5, 43.2",
            "ngày nhận yêu cầu cải chính",
            None,
            IMMEDIATELY,
            TBC,
        ),
        _Version(
            GENERATION_2026_FROM,
            f"{DECREE_237} Điều 19.3, 21",
            "ngày nhận yêu cầu cải chính",
            None,
            IMMEDIATELY,
            TBC,
        ),
    ),
    *_generations(
        "press.correction.daily",
        "Báo in hằng ngày, phát thanh, truyền hình đăng, phát cải chính, xin lỗi",
        (PRESS,),
        "Quá hạn: đề nghị cơ quan quản lý báo chí xử lý.",
        _Version(
            PRESS_LAW_2016_FROM,
            f"{PRESS_LAW_2016} Điều 42.5, 43.2",
            "ngày nhận yêu cầu cải chính",
            2,
            CALENDAR_DAYS,
            TBC,
        ),
        _Version(
            GENERATION_2026_FROM,
            f"{DECREE_237} Điều 19.3, 21",
            "ngày nhận yêu cầu cải chính",
            2,
            CALENDAR_DAYS,
            TBC,
        ),
    ),
    *_generations(
        "press.correction.periodical",
        "Loại hình báo chí khác đăng cải chính, xin lỗi",
        (PRESS,),
        "Quá hạn: đề nghị cơ quan quản lý báo chí xử lý.",
        _Version(
            PRESS_LAW_2016_FROM,
            f"{PRESS_LAW_2016} Điều 42.5, 43.2",
            "ngày nhận yêu cầu cải chính",
            None,
            NEXT_ISSUE,
            TBC,
        ),
        _Version(
            GENERATION_2026_FROM,
            f"{DECREE_237} Điều 19.3, 21",
            "ngày nhận yêu cầu cải chính",
            None,
            NEXT_ISSUE,
            TBC,
        ),
    ),
    # §3.D Rounds of disagreement over a correction: a limit on how many rounds, not a period.
    *_generations(
        CORRECTION_ROUNDS_RULE,
        "Số vòng trao đổi tối đa khi cơ quan báo chí không đồng ý cải chính (sau đó báo chí có quyền dừng)",
        (*ADMINISTRATIVE, PRESS),
        "Đủ số vòng: không gửi thêm đề nghị cải chính; có thể đề nghị cơ quan quản lý báo chí xem xét.",
        _Version(
            PRESS_LAW_2016_FROM,
            PRESS_LAW_2016,
            "ngày gửi đề nghị cải chính lần đầu",
            3,
            ROUNDS,
            CONFIRMED,
            note="Ghi điều, khoản cụ thể của Luật Báo chí 2016 khi đối chiếu văn bản.",
        ),
        _Version(
            GENERATION_2026_FROM,
            f"{DECREE_237} Điều 21.1",
            "ngày gửi đề nghị cải chính lần đầu",
            2,
            ROUNDS,
            TBC,
        ),
    ),
    # §3.F Access to information.
    *_ati(
        "ati.disclose",
        "Công khai thông tin phải được công khai (khi luật chuyên ngành không quy định thời hạn)",
        "18.4",
        "ngày tạo ra thông tin",
        5,
        WORKING_DAYS,
    ),
    *_ati(
        "ati.request.office.simple",
        "Cung cấp thông tin theo yêu cầu trực tiếp tại trụ sở — thông tin có sẵn",
        "29",
        "thời điểm nhận yêu cầu hợp lệ",
        None,
        IMMEDIATELY,
    ),
    *_ati(
        "ati.request.office.complex.notify",
        "Yêu cầu tại trụ sở phức tạp: hẹn thời gian xem, đọc, sao chép hoặc từ chối",
        "29",
        "ngày nhận yêu cầu hợp lệ",
        10,
        WORKING_DAYS,
    ),
    *_ati(
        "ati.request.office.extension",
        "Gia hạn cung cấp thông tin yêu cầu tại trụ sở (báo bằng văn bản trước khi hết hạn)",
        "29",
        "ngày hết hạn ban đầu",
        10,
        WORKING_DAYS,
    ),
    *_ati(
        "ati.request.electronic.simple",
        "Yêu cầu qua mạng điện tử: cung cấp thông tin có sẵn",
        "30",
        "ngày nhận yêu cầu hợp lệ",
        3,
        WORKING_DAYS,
    ),
    *_ati(
        "ati.request.electronic.complex.notify",
        "Yêu cầu qua mạng điện tử phức tạp: thông báo thời hạn giải quyết",
        "30",
        "ngày nhận yêu cầu hợp lệ",
        3,
        WORKING_DAYS,
    ),
    *_ati(
        "ati.request.electronic.complex.provide",
        "Yêu cầu qua mạng điện tử phức tạp: cung cấp hoặc từ chối",
        "30",
        "ngày nhận yêu cầu hợp lệ",
        15,
        WORKING_DAYS,
    ),
    *_ati(
        "ati.request.electronic.extension",
        "Gia hạn yêu cầu qua mạng điện tử (báo bằng văn bản trước khi hết hạn)",
        "30",
        "ngày hết hạn ban đầu",
        15,
        CALENDAR_DAYS,
        verification=TBC,
        note=FIFTEEN_DAYS_NOTE,
    ),
    *_ati(
        "ati.request.post.simple",
        "Yêu cầu qua bưu chính, fax: cung cấp thông tin có sẵn",
        "31",
        "ngày nhận yêu cầu hợp lệ",
        5,
        WORKING_DAYS,
    ),
    *_ati(
        "ati.request.post.complex.notify",
        "Yêu cầu qua bưu chính, fax phức tạp: thông báo thời hạn giải quyết",
        "31",
        "ngày nhận yêu cầu hợp lệ",
        3,
        WORKING_DAYS,
    ),
    *_ati(
        "ati.request.post.complex.provide",
        "Yêu cầu qua bưu chính, fax phức tạp: cung cấp hoặc từ chối",
        "31",
        "ngày nhận yêu cầu hợp lệ",
        15,
        WORKING_DAYS,
    ),
    *_ati(
        "ati.request.post.extension",
        "Gia hạn yêu cầu qua bưu chính, fax (báo bằng văn bản trước khi hết hạn)",
        "31",
        "ngày hết hạn ban đầu",
        15,
        CALENDAR_DAYS,
        verification=TBC,
        note=FIFTEEN_DAYS_NOTE,
    ),
    *_ati(
        "ati.correction.own_error",
        "Đính chính, cung cấp lại thông tin do cơ quan tự phát hiện sai",
        "32",
        "ngày phát hiện thông tin cung cấp không chính xác",
        5,
        WORKING_DAYS,
    ),
    *_ati(
        "ati.correction.requester_dispute",
        "Trả lời người yêu cầu phản ánh thông tin được cung cấp không chính xác",
        "32",
        "ngày nhận phản ánh của người yêu cầu",
        15,
        CALENDAR_DAYS,
        verification=TBC,
        note=FIFTEEN_DAYS_NOTE,
    ),
    *_ati(
        "ati.disclosure.dispute",
        "Xử lý phản ánh thông tin công khai không chính xác và cải chính theo đúng hình thức đã công khai",
        "22",
        "ngày nhận phản ánh",
        15,
        CALENDAR_DAYS,
        verification=TBC,
        note=FIFTEEN_DAYS_NOTE,
    ),
)


def rule_ids(rules: Iterable[Rule] = SEED_RULES) -> list[str]:
    return sorted({rule.id for rule in rules})
