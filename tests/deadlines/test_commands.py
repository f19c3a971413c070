"""The `loa deadlines` contract, end to end through `loa.cli.main`."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from loa.cli import main
from loa.deadlines.rules import SEED_RULES


def call(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["deadlines", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def first_line(out: str) -> str:
    return out.splitlines()[0]


def test_due_prints_iso_first_then_explanation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "due", "--rule", "press.response.petition", "--start", "2026-07-01T10:00")
    assert code == 0
    assert first_line(out) == "2026-07-22T23:59:59+07:00"
    parsed = datetime.fromisoformat(first_line(out))
    assert parsed.utcoffset() == timedelta(hours=7)
    assert "15 ngày làm việc" in out and "Nghị định 237/2026/NĐ-CP Điều 18.3" in out


def test_due_before_the_switch_uses_the_press_law(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = call(capsys, "due", "--rule", "press.response.petition", "--start", "2026-06-30T10:00")
    assert first_line(out) == "2026-07-30T23:59:59+07:00"
    assert "Luật Báo chí 103/2016/QH13 Điều 39.2" in out


def test_due_converts_z_and_offsets(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = call(
        capsys, "due", "--rule", "press.urgent.first_statement", "--start", "2027-02-05T20:00:00Z"
    )
    assert first_line(out) == "2027-02-07T03:00:00+07:00"
    _, out, _ = call(
        capsys, "due", "--rule", "press.urgent.first_statement", "--start", "2027-02-05T20:00:00+09:00"
    )
    assert first_line(out) == "2027-02-06T18:00:00+07:00"


def test_due_without_computable_date_prints_none(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "due", "--rule", "press.correction.periodical", "--start", "2026-08-01")
    assert code == 0
    assert first_line(out) == "none"


def test_calendar_file_swaps(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    args = ("due", "--rule", "ati.request.post.simple", "--start", "2027-05-06T08:00")
    _, out, _ = call(capsys, *args)
    assert first_line(out) == "2027-05-13T23:59:59+07:00"
    saturday = tmp_path / "saturday.json"
    saturday.write_text(json.dumps({"working_days": ["2027-05-08"]}), encoding="utf-8")
    _, out, _ = call(capsys, *args, "--calendar", str(saturday))
    assert first_line(out) == "2027-05-12T23:59:59+07:00"
    assert "Tính cả ngày làm bù: 08/05/2027" in out
    monday = tmp_path / "monday.json"
    monday.write_text(json.dumps({"days_off": ["2027-05-10"], "working_days": []}), encoding="utf-8")
    _, out, _ = call(capsys, *args, "--calendar", str(monday))
    assert first_line(out) == "2027-05-14T23:59:59+07:00"
    assert "Ngày nghỉ do Chính phủ công bố" in out


def test_unknown_rule_exits_2_with_close_matches(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = call(capsys, "due", "--rule", "press.response.petiton", "--start", "2026-07-01")
    assert code == 2
    assert out == ""
    assert "press.response.petition" in err


@pytest.mark.parametrize("start", ["2026-13-01", "yesterday", "2026-07-01T25:00"])
def test_bad_datetime_exits_2(capsys: pytest.CaptureFixture[str], start: str) -> None:
    code, _, err = call(capsys, "due", "--rule", "press.response.petition", "--start", start)
    assert code == 2
    assert "invalid --start" in err


def test_rule_not_in_force_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = call(capsys, "due", "--rule", "press.annual_report", "--start", "2026-03-01")
    assert code == 2
    assert "không có hiệu lực" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "invalid JSON"),
        ("[]", "đối tượng JSON"),
        ('{"day_off": []}', "khóa không hỗ trợ"),
        ('{"days_off": "2027-05-10"}', "must be a list"),
        ('{"days_off": ["10/05/2027"]}', "10/05/2027"),
        ('{"days_off": [20270510]}', "20270510"),
        ('{"days_off": ["2027-05-10"], "working_days": ["2027-05-10"]}', "2027-05-10"),
    ],
)
def test_bad_calendar_file_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "calendar.json"
    path.write_text(content, encoding="utf-8")
    code, _, err = call(
        capsys, "due", "--rule", "ati.disclose", "--start", "2027-05-06", "--calendar", str(path)
    )
    assert code == 2
    assert message in err


def test_missing_calendar_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = call(
        capsys,
        "due",
        "--rule",
        "ati.disclose",
        "--start",
        "2027-05-06",
        "--calendar",
        str(tmp_path / "no.json"),
    )
    assert code == 2
    assert "cannot read --calendar" in err


def test_missing_rule_argument_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["deadlines", "due", "--start", "2026-07-01"])
    assert caught.value.code == 2


def test_due_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = call(capsys, "due", "--rule", "ati.disclose", "--start", "2027-02-03T10:00", "--json")
    payload = json.loads(out)
    assert payload["due"] == "2027-02-17T23:59:59+07:00"
    assert payload["rule"]["id"] == "ati.disclose"


def test_rules_lists_every_generation(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "rules")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == len(SEED_RULES)
    for rule in SEED_RULES:
        assert any(
            line.startswith(rule.id + " ")
            and rule.legal_basis in line
            and rule.valid_from.isoformat() in line
            for line in lines
        ), rule.key


def test_rules_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = call(capsys, "rules", "--json")
    keys = {item["key"] for item in json.loads(out)}
    assert keys == {rule.key for rule in SEED_RULES}


def test_calendar_lists_non_working_days(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "calendar", "--year", "2027")
    assert code == 0
    assert "2027-05-03  Thứ Hai   Nghỉ bù Ngày Quốc tế Lao động" in out
    assert "2027-02-10  Thứ Tư    Tết Nguyên đán" in out
    assert "2027-02-11" not in out


def test_calendar_lists_make_up_working_days(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _, out, _ = call(capsys, "calendar", "--year", "2026")
    assert "2026-08-22  Thứ Bảy   làm việc — Ngày làm bù cho ngày nghỉ 31/08/2026" in out
    path = tmp_path / "calendar.json"
    path.write_text('{"days_off": ["2026-12-31"]}', encoding="utf-8")
    _, out, _ = call(capsys, "calendar", "--year", "2026", "--calendar", str(path), "--json")
    payload = json.loads(out)
    assert {"date": "2026-12-31", "reasons": ["Ngày nghỉ do Chính phủ công bố"]} in payload["days_off"]


def test_calendar_rejects_bad_year() -> None:
    with pytest.raises(SystemExit):
        main(["deadlines", "calendar", "--year", "20x7"])
    with pytest.raises(SystemExit):
        main(["deadlines", "calendar", "--year", "1800"])
