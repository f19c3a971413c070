"""Reading `date,key,count,negative` CSV files into a SeriesSet, with messages that name the line.

Header names and values may carry surrounding spaces; extra columns are ignored; blank lines are
skipped; a file with only a header (or nothing at all) is an empty input. Repeated (key, date) rows
are added up, as upstream may split a day across exports.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

from loa.pipeline.trends.series import SeriesSet

COLUMNS = ("date", "key", "count", "negative")


class SeriesFormatError(ValueError):
    """Malformed series CSV; the message says where (file, line) and what, in Vietnamese and English."""


def _integer(text: str, column: str, where: str) -> int:
    try:
        value = float(text)
    except ValueError:
        raise SeriesFormatError(
            f"{where}: cột {column} không phải số nguyên: {text!r} ({column} is not an integer)"
        ) from None
    if not value.is_integer():
        raise SeriesFormatError(
            f"{where}: cột {column} không phải số nguyên: {text!r} ({column} is not an integer)"
        )
    if value < 0:
        raise SeriesFormatError(f"{where}: cột {column} âm: {text!r} ({column} must not be negative)")
    return int(value)


def parse_rows(lines: Iterable[str], source: str = "<input>") -> Iterator[tuple[date, str, int, int]]:
    """(date, key, count, negative) per data row; raises SeriesFormatError on the first bad row."""
    reader = csv.reader(lines)
    header: list[str] | None = None
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [cell.strip().lower() for cell in row]
            missing = [column for column in COLUMNS if column not in header]
            if missing:
                raise SeriesFormatError(
                    f"{source}, dòng {line} (line {line}): thiếu cột {', '.join(missing)} "
                    f"(missing column(s); expected header {','.join(COLUMNS)})"
                )
            position = {column: header.index(column) for column in COLUMNS}
            continue
        where = f"{source}, dòng {line} (line {line})"
        if len(row) < len(header):
            raise SeriesFormatError(
                f"{where}: thiếu giá trị, có {len(row)} cột thay vì {len(header)} "
                f"(row has {len(row)} fields, header has {len(header)})"
            )
        cells = {column: row[position[column]].strip() for column in COLUMNS}
        try:
            day = date.fromisoformat(cells["date"])
        except ValueError:
            raise SeriesFormatError(
                f"{where}: ngày không hợp lệ {cells['date']!r}, cần YYYY-MM-DD (bad date, expected YYYY-MM-DD)"
            ) from None
        if len(cells["date"]) != 10:
            raise SeriesFormatError(
                f"{where}: ngày không hợp lệ {cells['date']!r}, cần YYYY-MM-DD (bad date, expected YYYY-MM-DD)"
            )
        if not cells["key"]:
            raise SeriesFormatError(f"{where}: cột key trống (empty key)")
        count = _integer(cells["count"], "count", where)
        negative = _integer(cells["negative"], "negative", where)
        if negative > count:
            raise SeriesFormatError(
                f"{where}: negative ({negative}) lớn hơn count ({count}) "
                f"(negative articles exceed all articles)"
            )
        yield day, cells["key"], count, negative


def read_series_csv(path: str | Path) -> SeriesSet:
    source = str(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return SeriesSet.from_records(parse_rows(handle, source))
    except OSError as exc:
        raise SeriesFormatError(f"không đọc được tệp {source!r} (cannot read file): {exc.strerror}") from None
    except csv.Error as exc:
        raise SeriesFormatError(f"{source}: CSV hỏng (malformed CSV): {exc}") from None
    except UnicodeDecodeError:
        raise SeriesFormatError(f"{source}: tệp không phải UTF-8 (file is not UTF-8)") from None
