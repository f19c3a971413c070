import json
from pathlib import Path

import numpy as np
import pytest

from loa.cli import main
from tests.pipeline.trends.helpers import on, weekly_means


def write_series(path: Path) -> None:
    rng = np.random.default_rng(21)
    lines = ["  date , key , count , negative  "]
    for key, level in (("Xã Tân Phú", 1.0), ("Sở Y tế", 25.0)):
        counts = rng.poisson(weekly_means(level, 120))
        negatives = rng.binomial(counts, 0.2)
        if key == "Sở Y tế":
            counts[100], negatives[100] = 150, 30
            negatives[110] = counts[110] = 40
        for t, (count, negative) in enumerate(zip(counts, negatives, strict=True)):
            if count or t % 2:  # zero days are sometimes left out: gaps mean zero
                lines.append(f"{on(t).isoformat()} , {key} , {count} , {negative}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_detect_contract(tmp_path: Path) -> None:
    series, alerts = tmp_path / "series.csv", tmp_path / "alerts.jsonl"
    write_series(series)
    assert main(["trends", "detect", "--input", str(series), "--output", str(alerts)]) == 0
    rows = read_jsonl(alerts)
    for row in rows:
        assert {"key", "date", "kind", "score"} <= set(row)
        assert isinstance(row["key"], str) and row["kind"] in ("volume", "negative")
        assert isinstance(row["score"], float) and len(row["date"]) == 10
        assert row["reason"]
    found = {(row["key"], row["date"], row["kind"]) for row in rows}
    assert ("Sở Y tế", on(100).isoformat(), "volume") in found
    assert ("Sở Y tế", on(110).isoformat(), "negative") in found
    assert ("Sở Y tế", on(100).isoformat(), "negative") not in found
    assert len(found) == len(rows)


def test_forecast_contract(tmp_path: Path) -> None:
    series, output = tmp_path / "series.csv", tmp_path / "forecast.jsonl"
    write_series(series)
    code = main(
        [
            "trends",
            "forecast",
            "--input",
            str(series),
            "--output",
            str(output),
            "--threshold",
            "3",
            "--horizon",
            "3",
        ]
    )
    assert code == 0
    rows = read_jsonl(output)
    assert len(rows) == 2 * 3
    assert {row["key"] for row in rows} == {"Xã Tân Phú", "Sở Y tế"}
    assert {row["date"] for row in rows} == {on(120 + h).isoformat() for h in range(3)}
    big = [row for row in rows if row["key"] == "Sở Y tế"]
    assert all(row["exceeds"] and row["lower"] <= row["forecast"] <= row["upper"] for row in big)


def test_forecast_per_key_thresholds(tmp_path: Path) -> None:
    series, output, limits = tmp_path / "series.csv", tmp_path / "forecast.jsonl", tmp_path / "limits.csv"
    write_series(series)
    limits.write_text("key,threshold\nSở Y tế,1000\n", encoding="utf-8")
    args = [
        "trends",
        "forecast",
        "--input",
        str(series),
        "--output",
        str(output),
        "--thresholds",
        str(limits),
    ]
    assert main(args) == 0
    rows = read_jsonl(output)
    assert {row["threshold"] for row in rows if row["key"] == "Sở Y tế"} == {1000}
    assert not any(row["exceeds"] for row in rows)


def test_empty_input_gives_empty_output(tmp_path: Path) -> None:
    series, alerts = tmp_path / "series.csv", tmp_path / "alerts.jsonl"
    series.write_text("date,key,count,negative\n", encoding="utf-8")
    assert main(["trends", "detect", "--input", str(series), "--output", str(alerts)]) == 0
    assert alerts.read_text(encoding="utf-8") == ""


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("date,key,negative\n2024-01-01,a,0\n", ["line 1", "count"]),
        ("date,key,count,negative\n2024-01-01,a,2,0\n2024/01/02,a,2,0\n", ["line 3", "2024/01/02"]),
        ("date,key,count,negative\n2024-01-01,a,2,5\n", ["line 2", "negative (5)", "count (2)"]),
    ],
)
def test_malformed_csv_exits_2_with_the_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, fragments: list[str]
) -> None:
    series, alerts = tmp_path / "series.csv", tmp_path / "alerts.jsonl"
    series.write_text(text, encoding="utf-8")
    assert main(["trends", "detect", "--input", str(series), "--output", str(alerts)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("loa trends detect: ")
    for fragment in fragments:
        assert fragment in error


def test_missing_input_and_bad_days_off(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = str(tmp_path / "out.jsonl")
    assert main(["trends", "detect", "--input", str(tmp_path / "none.csv"), "--output", output]) == 2
    assert "cannot read" in capsys.readouterr().err
    series, days_off = tmp_path / "series.csv", tmp_path / "off.txt"
    write_series(series)
    days_off.write_text("2024-02-30\n", encoding="utf-8")
    args = ["trends", "detect", "--input", str(series), "--output", output, "--days-off", str(days_off)]
    assert main(args) == 2
    assert "2024-02-30" in capsys.readouterr().err
