"""Checking uploaded files by their content, not by the name or type the browser claims."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError

# Leading bytes of the formats Loa accepts as attachments or documents.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),  # legacy .doc/.xls
)
_OOXML = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx", "ppt/presentation.xml": "pptx"}
EXECUTABLE_PREFIXES = (b"MZ", b"\x7fELF", b"#!")

DOCUMENT_KINDS = frozenset({"pdf", "docx", "txt"})
ATTACHMENT_KINDS = frozenset({"pdf", "docx", "xlsx", "pptx", "png", "jpeg", "gif", "txt", "ole"})


@dataclass(frozen=True)
class CheckedFile:
    kind: str
    size: int
    name: str


def sniff(head: bytes, stream: IO[bytes] | None = None) -> str | None:
    """The file kind from its first bytes (and, for ZIP containers, from the member names)."""
    if not head:
        return None
    if head.startswith(EXECUTABLE_PREFIXES):
        return "executable"
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if head.startswith(b"PK\x03\x04") and stream is not None:
        try:
            stream.seek(0)
            with zipfile.ZipFile(stream) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError):
            return "corrupt"
        finally:
            stream.seek(0)
        return next((kind for member, kind in _OOXML.items() if member in names), "zip")
    try:
        head.decode("utf-8")
        return "txt"
    except UnicodeDecodeError:
        pass
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "txt"
    # Legacy 8-bit Vietnamese text (TCVN3, VNI, Windows-1258) has no NUL bytes.
    return "txt" if b"\x00" not in head else None


def check_upload(upload: IO[bytes], *, allowed: frozenset[str], max_bytes: int | None = None) -> CheckedFile:
    """Validate an uploaded file; raises ValidationError with a Vietnamese message on any problem."""
    limit = max_bytes or settings.LOA_MAX_UPLOAD_BYTES
    name = getattr(upload, "name", "") or "tệp"
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, 2)
        size = upload.tell()
    upload.seek(0)
    if size == 0:
        raise ValidationError(f"Tệp “{name}” rỗng.")
    if size > limit:
        raise ValidationError(f"Tệp “{name}” quá lớn ({size / 1e6:.1f} MB; tối đa {limit / 1e6:.0f} MB).")
    head = upload.read(4096)
    upload.seek(0)
    kind = sniff(head, upload)
    if kind == "corrupt":
        raise ValidationError(f"Tệp “{name}” bị hỏng (không đọc được cấu trúc Office/ZIP).")
    if kind == "executable":
        raise ValidationError(f"Tệp “{name}” là chương trình chạy được; không được phép tải lên.")
    if kind is None or kind not in allowed:
        accepted = ", ".join(sorted(allowed))
        raise ValidationError(f"Định dạng của “{name}” không được chấp nhận (chấp nhận: {accepted}).")
    return CheckedFile(kind=kind, size=size, name=name)
