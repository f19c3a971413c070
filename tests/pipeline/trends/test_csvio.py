from datetime import date
from pathlib import Path

import numpy as np
import pytest

from loa.pipeline.trends.csvio import SeriesFormatError, read_series_csv
from loa.pipeline.trends.series import SeriesSet


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "series.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_whitespace_extra_columns_gaps_and_vietnamese_keys(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        " date , key , count , negative , note \n"
        "2024-03-01, Xã Tân Phú ,2,1,x\n"
        "\n"
        "2024-03-04,Xã Tân Phú,3,0,y\n"
        "2024-03-02,Sở Y tế,5,2,z\n"
        "2024-03-02,Sở Y tế,1,1,z\n",
    )
    series = read_series_csv(path)
    assert series.keys == ("Xã Tân Phú", "Sở Y tế")
    assert series.start == date(2024, 3, 1)
    assert series.counts.tolist() == [[2, 0, 0, 3], [0, 6, 0, 0]]
    assert series.negatives.tolist() == [[1, 0, 0, 0], [0, 3, 0, 0]]
    assert series.first.tolist() == [0, 1]


def test_header_only_and_empty_files_are_empty_input(tmp_path: Path) -> None:
    assert read_series_csv(write(tmp_path, "date,key,count,negative\n")).n_keys == 0
    assert read_series_csv(write(tmp_path, "")).n_keys == 0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date,key,count\n2024-01-01,a,1\n", ["dòng 1", "line 1", "negative", "missing column"]),
        (
            "date,key,count,negative\n2024-01-01,a,1,0\n2024-02-30,a,1,0\n",
            ["line 3", "2024-02-30", "YYYY-MM-DD"],
        ),
        ("date,key,count,negative\n01/02/2024,a,1,0\n", ["line 2", "01/02/2024"]),
        ("date,key,count,negative\n2024-01-01,a,3,4\n", ["line 2", "negative (4)", "count (3)"]),
        ("date,key,count,negative\n2024-01-01,a,ba,0\n", ["line 2", "count", "'ba'"]),
        ("date,key,count,negative\n2024-01-01,a,-1,0\n", ["line 2", "count"]),
        ("date,key,count,negative\n2024-01-01,a,1\n", ["line 2", "fields"]),
        ("date,key,count,negative\n2024-01-01,,1,0\n", ["line 2", "empty key"]),
    ],
)
def test_malformed_rows_name_the_line(tmp_path: Path, text: str, expected: list[str]) -> None:
    with pytest.raises(SeriesFormatError) as excinfo:
        read_series_csv(write(tmp_path, text))
    for fragment in expected:
        assert fragment in str(excinfo.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SeriesFormatError, match="cannot read"):
        read_series_csv(tmp_path / "absent.csv")


def test_from_records_rejects_impossible_counts() -> None:
    with pytest.raises(ValueError, match="negative"):
        SeriesSet.from_records([(date(2024, 1, 1), "a", 1, 2)])
    assert np.array_equal(SeriesSet.from_records([]).counts, np.zeros((0, 0)))
