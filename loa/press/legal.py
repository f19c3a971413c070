"""Legal data of the press workflows that is not a deadline: the seed of the refusal grounds, which rule a
press request runs on, which timestamp starts an urgent event's clock (legal-requirements §3.B–3.D).

Deadlines themselves are rules in `loa.deadlines` and refusal grounds are `RefusalGround` rows, both edited
by administrators; the mappings below change only with the law and say where each item comes from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

PRESS_LAW_2025_FROM = date(2026, 7, 1)


@dataclass(frozen=True)
class RefusalGroundSeed:
    """The initial data of a `RefusalGround` row: a ground on which a spokesperson may refuse to provide
    information to the press."""

    code: str
    label: str
    legal_basis: str
    valid_from: date
    valid_to: date | None
    verification: str  # "confirmed" | "TBC"


_GROUND_TEXTS = (
    (
        "a",
        "Thông tin thuộc bí mật nhà nước, bí mật đời tư của cá nhân và bí mật khác theo quy định của pháp luật",
    ),
    ("b", "Thông tin về vụ án đang được điều tra hoặc chưa xét xử"),
    (
        "c",
        "Vụ việc đang thanh tra chưa có kết luận; đang giải quyết khiếu nại, tố cáo; tranh chấp, mâu thuẫn giữa "
        "các cơ quan nhà nước đang giải quyết, chưa có kết luận chính thức mà pháp luật chưa cho phép công khai",
    ),
    ("d", "Văn bản chính sách, đề án đang soạn thảo mà theo quy định của pháp luật chưa được phép công khai"),
)

SEED_REFUSAL_GROUNDS: tuple[RefusalGroundSeed, ...] = (
    *(
        RefusalGroundSeed(
            f"press-law-2016-38.2.{letter}",
            text,
            f"Luật Báo chí 103/2016/QH13 Điều 38.2.{letter}",
            date(2017, 1, 1),
            date(2026, 6, 30),
            "confirmed",
        )
        for letter, text in _GROUND_TEXTS
    ),
    *(
        RefusalGroundSeed(
            f"press-law-2025-31.2.{letter}",
            text,
            f"Luật Báo chí 126/2025/QH15 Điều 31.2.{letter}",
            PRESS_LAW_2025_FROM,
            None,
            "TBC",
        )
        for letter, text in _GROUND_TEXTS
    ),
)


# The rule a press request runs on, by classification (§3.D). A report that the press published false
# information gets written feedback and a correction request with no statutory limit for the agency;
# the outlet's own correction deadline is tracked on the correction request (`CORRECTION_RULES`).
RESPONSE_RULES: dict[str, str] = {
    "answer_on_press": "press.response.editor_request",
    "petition": "press.response.petition",
    "complaint": "press.response.complaint_acceptance",
    "denunciation": "press.response.complaint_acceptance",
    "false_report": "",
}
CONCLUSION_RULE = "press.response.complaint_conclusion"
CORRECTION_RULES: dict[str, str] = {
    "online": "press.correction.online",
    "daily": "press.correction.daily",
    "periodical": "press.correction.periodical",
}


def false_report_note(day: date) -> str:
    """What the law asks when the press published false information, by the rules in force on `day`."""
    basis = (
        "Nghị định 244/2026/NĐ-CP Điều 7.6 (TBC)"
        if day >= PRESS_LAW_2025_FROM
        else "Nghị định 09/2017/NĐ-CP Điều 6.3.c"
    )
    return (
        f"Căn cứ: {basis}. Có căn cứ cho rằng báo chí đăng thông tin sai sự thật: phản hồi bằng văn bản, nêu rõ "
        "căn cứ và đề nghị cải chính, xin lỗi. Pháp luật không ấn định thời hạn cho cơ quan; hạn cải chính của "
        "cơ quan báo chí được tính khi gửi đề nghị."
    )


URGENT_RULES: dict[str, str] = {
    "incident": "press.urgent.first_statement",
    "divided_opinion": "press.urgent.divided_opinion",
}
# Which recorded timestamp starts an urgent event's clock, read from the trigger wording of the rule
# generation in force: Decree 09 counts from the occurrence, Decree 244 from receipt and handling, and
# divided opinion from the finding of (a risk of) impact.
URGENT_CLOCK_WORDS: tuple[tuple[str, str], ...] = (
    ("phát hiện", "found_at"),
    ("tiếp nhận", "received_at"),
    ("xảy ra", "occurred_at"),
)

PUBLISH_RULES: dict[str, str] = {
    "head": "spokesperson.publish_contact",
    "regular": "spokesperson.publish_contact",
    "authorised": "spokesperson.publish_authorisation",
}

CONFERENCE_RULE = "press.conference.quarterly"
MONTHLY_RULE = "press.information.monthly"
ANNUAL_REPORT_RULE = "press.annual_report"
