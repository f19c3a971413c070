"""`loa plans parse PATH`: one JSON object on stdout, or a bilingual message and a non-zero exit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loa.cli import main
from tests.plans.builders import FIXTURES


def test_parse_prints_the_contract(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plans", "parse", str(FIXTURES / "letter_wrapped.txt")]) == 0
    out = capsys.readouterr().out
    payload = json.loads(out)
    assert set(payload) == {"document", "tasks"}
    assert set(payload["document"]) == {"number", "issuer", "kind", "title", "date"}
    assert payload["document"]["kind"] == "CV"
    keys = {"ref", "title", "content", "lead_units", "coordinating_units", "cadence", "due"}
    assert all(set(task) == keys for task in payload["tasks"])
    assert payload["tasks"][0]["due"] == "2026-06-20"
    assert "Sở Văn hóa, Thể thao và Du lịch" in out  # UTF-8, not \\u escapes


def test_parse_error_exits_non_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "trong.txt"
    empty.write_bytes(b"")
    assert main(["plans", "parse", str(empty)]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Lỗi:" in captured.err and "Error:" in captured.err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["plans", "parse", str(tmp_path / "khong-co.docx")]) != 0
    assert "Không đọc được tệp" in capsys.readouterr().err
