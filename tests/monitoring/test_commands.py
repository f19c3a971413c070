"""`loa monitor analyze` end to end through `loa.cli.main`, without a database."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from loa.cli import main
from loa.pipeline.analyze import Analyzer
from loa.pipeline.dedup import StoryIndex
from loa.pipeline.dedup_eval import BASE_STORIES
from loa.pipeline.gazetteer import Gazetteer
from loa.pipeline.places import PlaceResolver

FLOOD_TITLE, FLOOD = BASE_STORIES[0]
BRIDGE_TITLE, BRIDGE = BASE_STORIES[6]
VNTC_KEYS = {
    "Chinh tri Xa hoi",
    "Doi song",
    "Khoa hoc",
    "Kinh doanh",
    "Phap luat",
    "Suc khoe",
    "The gioi",
    "The thao",
    "Van hoa",
    "Vi tinh",
}


class KeywordTopics:
    def predict(self, texts: Sequence[str]) -> list[str]:
        return ["Kinh doanh" if "đầu tư" in text else "Chinh tri Xa hoi" for text in texts]


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver.build(Gazetteer.load())


@pytest.fixture
def fake_topics(monkeypatch: pytest.MonkeyPatch, resolver: PlaceResolver) -> list[dict[str, Any]]:
    """Analyzer.load with a keyword topic model (the trained one is another module's business)."""
    calls: list[dict[str, Any]] = []

    def load(cls: type[Analyzer], **kwargs: Any) -> Analyzer:
        calls.append(kwargs)
        return Analyzer(
            topics=KeywordTopics(),
            places=resolver,
            stories=StoryIndex(max_articles=kwargs["max_stories_articles"]),
        )

    monkeypatch.setattr(Analyzer, "load", classmethod(load))
    return calls


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _record(article_id: str, title: str | None, text: str, **extra: Any) -> str:
    return json.dumps({"id": article_id, "title": title, "text": text, **extra}, ensure_ascii=False)


def _read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_contract(
    tmp_path: Path, fake_topics: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write(
        tmp_path / "in.jsonl",
        [
            _record(
                "a1",
                FLOOD_TITLE,
                FLOOD,
                url="https://baothainguyen.vn/a.html",
                published="2025-07-15T08:00:00+07:00",
            ),
            _record("b1", BRIDGE_TITLE, BRIDGE, url=None, published=None),
            _record(
                "a2",
                "Lũ quét ở xã vùng cao",
                "THÁI NGUYÊN (TTXVN) - " + FLOOD + "\nMinh Hằng",
                published="2025-07-15",
            ),
            _record("c1", None, "Lịch tiếp công dân tháng 4 của Chủ tịch UBND tỉnh."),
        ],
    )
    target = tmp_path / "out.jsonl"
    assert main(["monitor", "analyze", "--input", str(source), "--output", str(target)]) == 0
    rows = _read(target)
    assert [row["id"] for row in rows] == ["a1", "b1", "a2", "c1"]
    for row in rows:
        assert set(row) == {"id", "topic", "sentiment", "places", "story"}
        assert row["sentiment"] in ("negative", "neutral", "positive")
        assert isinstance(row["topic"], str) and isinstance(row["story"], str)
        for place in row["places"]:
            assert set(place) == {"province", "commune", "mention"}
            assert place["province"].startswith(("Tỉnh ", "Thành phố "))
    a1, b1, a2, c1 = rows
    assert a1["story"] == a2["story"] == "a1" and b1["story"] == "b1" and c1["story"] == "c1"
    assert (a1["sentiment"], b1["sentiment"], c1["sentiment"]) == ("negative", "positive", "neutral")
    assert {"province": "Tỉnh Thái Nguyên", "commune": "Xã Sảng Mộc", "mention": "xã Sảng Mộc"} in a1[
        "places"
    ]
    assert "100.0%" in capsys.readouterr().err  # progress reached the end of the file
    assert fake_topics[0]["max_stories_articles"] == 100_000


def test_invalid_lines_are_reported_and_skipped(
    tmp_path: Path, fake_topics: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write(
        tmp_path / "in.jsonl",
        [
            "{not json",
            _record("ok", None, FLOOD),
            json.dumps({"id": "no-text", "title": "x"}),
            "",
            json.dumps(["a", "list"]),
            json.dumps({"text": "no id"}),
            _record("bad-date", None, "x", published="hôm qua"),
            json.dumps({"id": 7, "text": "Số nguyên làm id."}),
        ],
    )
    target = tmp_path / "out.jsonl"
    assert main(["monitor", "analyze", "--input", str(source), "--output", str(target), "--quiet"]) == 0
    assert [row["id"] for row in _read(target)] == ["ok", "7"]
    err = capsys.readouterr().err
    for number, reason in [
        (1, "invalid JSON"),
        (3, 'missing "text"'),
        (5, "not a JSON object"),
        (6, '"id"'),
        (7, "ISO-8601"),
    ]:
        assert f"line {number}: " in err and reason in err
    assert "line 4" not in err and "line 2" not in err  # blank lines are not errors
    assert "%" not in err  # --quiet


def test_every_line_invalid_exits_1(tmp_path: Path, fake_topics: list[dict[str, Any]]) -> None:
    source = _write(tmp_path / "in.jsonl", ["{", "[]"])
    assert (
        main(["monitor", "analyze", "--input", str(source), "--output", str(tmp_path / "o"), "--quiet"]) == 1
    )


def test_empty_input_is_fine(tmp_path: Path, fake_topics: list[dict[str, Any]]) -> None:
    source = _write(tmp_path / "in.jsonl", [])
    target = tmp_path / "out.jsonl"
    assert main(["monitor", "analyze", "--input", str(source), "--output", str(target), "--quiet"]) == 0
    assert target.read_text(encoding="utf-8") == ""


def test_unreadable_input_exits_2(
    tmp_path: Path, fake_topics: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.jsonl"
    assert main(["monitor", "analyze", "--input", str(missing), "--output", str(tmp_path / "o")]) == 2
    assert "cannot read" in capsys.readouterr().err
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\xff\xfe\x00garbage\n")
    assert (
        main(["monitor", "analyze", "--input", str(binary), "--output", str(tmp_path / "o"), "--quiet"]) == 2
    )


def test_stories_merged_late_are_rewritten_in_the_output(
    tmp_path: Path, fake_topics: list[dict[str, Any]]
) -> None:
    sentences = FLOOD.split(". ")
    head, tail = ". ".join(sentences[:4]) + ".", ". ".join(sentences[2:])
    source = _write(
        tmp_path / "in.jsonl",
        [_record("head", None, head), _record("tail", None, tail), _record("full", None, FLOOD)],
    )
    target = tmp_path / "out.jsonl"
    assert main(["monitor", "analyze", "--input", str(source), "--output", str(target), "--quiet"]) == 0
    assert {row["id"]: row["story"] for row in _read(target)} == {
        "head": "head",
        "tail": "head",
        "full": "head",
    }


def test_standard_input_and_output(
    monkeypatch: pytest.MonkeyPatch, fake_topics: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(_record("x", None, BRIDGE) + "\n"))
    assert main(["monitor", "analyze", "--input", "-", "--output", "-", "--story-window", "10"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["id"] == "x"
    assert "1 bài" in captured.err
    assert fake_topics[0]["max_stories_articles"] == 10


def test_with_the_shipped_models(tmp_path: Path) -> None:
    pytest.importorskip("loa.pipeline.topic", reason="the topic model module has not landed yet")
    source = _write(
        tmp_path / "in.jsonl", [_record("a", FLOOD_TITLE, FLOOD), _record("b", BRIDGE_TITLE, BRIDGE)]
    )
    target = tmp_path / "out.jsonl"
    assert main(["monitor", "analyze", "--input", str(source), "--output", str(target), "--quiet"]) == 0
    rows = _read(target)
    assert {row["topic"] for row in rows} <= VNTC_KEYS
    assert rows[0]["places"][0]["province"] == "Tỉnh Thái Nguyên"


def test_monitor_without_subcommand_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["monitor"]) == 0
    assert "analyze" in capsys.readouterr().out
