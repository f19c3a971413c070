"""Alerts and their Vietnamese explanations. Numbers stay in fields so other layers can word them anew."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

VOLUME = "volume"
NEGATIVE = "negative"


def format_number(value: float, decimals: int = 1) -> str:
    """Vietnamese style: dot between thousands, comma before decimals (1.234,5)."""
    text = f"{value:,.{decimals}f}".replace(",", "\0").replace(".", ",").replace("\0", ".")
    if decimals and text.rstrip("0").endswith(","):
        return text.rstrip("0").rstrip(",")
    return text


def format_share(value: float) -> str:
    return f"{format_number(100.0 * value, 0)}%"


def format_rarity(score: float) -> str:
    """A score s means a tail probability of 10^-s: say "about 1 in N days"."""
    if score >= 9:
        return "dưới 1 trên 1 tỷ"
    return f"khoảng 1 trên {format_number(10.0**score, 0)}"


@dataclass(frozen=True)
class Alert:
    """One flagged (key, date, kind). For volume, expected/observed are articles; for negative, shares."""

    key: str
    date: date
    kind: str
    score: float
    expected: float
    observed: float
    window_days: int
    count: int
    negative: int
    holiday: bool

    @property
    def reason(self) -> str:
        span = "Trong ngày" if self.window_days == 1 else f"Trong {self.window_days} ngày gần nhất"
        rarity = format_rarity(self.score)
        if self.kind == VOLUME:
            ratio = self.observed / self.expected if self.expected > 0 else float("inf")
            times = f"gấp {format_number(ratio)} lần" if ratio != float("inf") else "từ mức gần như không có"
            text = (
                f"Số bài tăng đột biến. {span} có {format_number(self.observed, 0)} bài, "
                f"mức thường khoảng {format_number(self.expected)} bài ({times}); "
                f"khả năng ngẫu nhiên {rarity}."
            )
        else:
            text = (
                f"Tỷ lệ bài tiêu cực tăng bất thường. {span}: {format_share(self.observed)} "
                f"({self.negative}/{self.count} bài tiêu cực), mức thường {format_share(self.expected)} "
                f"(khoảng {format_number(self.expected * self.count)} bài); khả năng ngẫu nhiên {rarity}."
            )
        if self.holiday:
            text += " Ngày lễ/Tết: so với mức của ngày thường."
        return text

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "date": self.date.isoformat(),
            "kind": self.kind,
            "score": round(self.score, 3),
            "expected": round(self.expected, 4),
            "observed": round(self.observed, 4),
            "window_days": self.window_days,
            "count": self.count,
            "negative": self.negative,
            "reason": self.reason,
        }
