"""Input that is not a readable plan: a typed DocumentError with a Vietnamese message."""

from __future__ import annotations

import io
import zipfile

import pytest

from loa.plans.parsing import DocumentError, parse_bytes


def _xlsx() -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.active.append(["TT", "Nội dung", "Cơ quan chủ trì", "Thời gian"])
    workbook.active.append([1, "Tập huấn", "Sở Tư pháp", "Quý III/2026"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _open_document(mimetype: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def _zip_without_document() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "không phải văn bản")
    return buffer.getvalue()


CASES = {
    "empty": (b"", "rỗng"),
    "only whitespace": (b"  \n\r\n\t ", "rỗng"),
    "spreadsheet": (_xlsx(), "bảng tính"),
    "zip that is not a Word file": (_zip_without_document(), "không phải văn bản Word"),
    "OpenDocument spreadsheet": (
        _open_document("application/vnd.oasis.opendocument.spreadsheet"),
        "bảng tính",
    ),
    "OpenDocument text": (_open_document("application/vnd.oasis.opendocument.text"), ".odt"),
    "legacy .doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".doc"),
    "png image": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "hình ảnh"),
    "binary noise": (bytes(range(256)) * 8, "định dạng"),
    "prose that is not an administrative document": (
        "Hôm nay trời đẹp. Chúng tôi đi dạo quanh hồ và nói chuyện về mùa thu.".encode(),
        "văn bản hành chính",
    ),
    "administrative heading without tasks": (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH SƠN\nSố: 3/TB-UBND\nTHÔNG BÁO\nLịch làm việc tuần 12\n".encode(),
        "nhiệm vụ",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_unreadable_or_not_a_plan(case: str) -> None:
    data, fragment = CASES[case]
    with pytest.raises(DocumentError) as error:
        parse_bytes(data)
    assert fragment in error.value.message
    assert error.value.message_en
