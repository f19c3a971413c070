import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from loa.core.uploads import ATTACHMENT_KINDS, DOCUMENT_KINDS, check_upload


def _named(data: bytes, name: str) -> io.BytesIO:
    stream = io.BytesIO(data)
    stream.name = name
    return stream


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7 ...", "pdf"),
        ("Kế hoạch số 12".encode(), "txt"),
        (_docx(), "docx"),
        (b"\x89PNG\r\n\x1a\nxx", "png"),
    ],
)
def test_kinds_are_recognised_by_content(settings, data, kind):
    assert check_upload(_named(data, "x.bin"), allowed=ATTACHMENT_KINDS).kind == kind


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "rỗng"),
        (b"MZ\x90\x00", "chương trình"),
        (b"PK\x03\x04broken", "bị hỏng"),
        (b"\x89PNG\r\n\x1a\nxx", "không được chấp nhận"),
    ],
)
def test_bad_files_are_refused_with_a_reason(settings, data, message):
    with pytest.raises(ValidationError, match=message):
        check_upload(_named(data, "plan.docx"), allowed=DOCUMENT_KINDS)


def test_size_limit(settings):
    with pytest.raises(ValidationError, match="quá lớn"):
        check_upload(_named(b"%PDF-" + b"0" * 2000, "big.pdf"), allowed=DOCUMENT_KINDS, max_bytes=1000)
