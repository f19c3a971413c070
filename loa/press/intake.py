"""Reading an e-mail pasted into the intake form (raw source with headers, as mail clients show it).

Pure standard library: RFC 2047 encoded headers (=?utf-8?…?=), multipart messages (text/plain preferred,
HTML reduced to text), quoted-printable and base64 bodies, legacy charsets.
"""

from __future__ import annotations

import email
import email.policy
import html
import re
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import getaddresses, parsedate_to_datetime


class EmailParseError(ValueError):
    pass


@dataclass(frozen=True)
class PastedEmail:
    sender_name: str
    sender_email: str
    subject: str
    sent_at: datetime | None
    body: str

    @property
    def sender_domain(self) -> str:
        return self.sender_email.rpartition("@")[2].lower()


_TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.IGNORECASE | re.DOTALL)
_BREAKS = re.compile(r"<\s*(br|/p|/div|/li|/h\d)\s*/?>", re.IGNORECASE)


def html_to_text(markup: str) -> str:
    text = _TAGS.sub("", _BREAKS.sub("\n", markup))
    lines = [" ".join(line.split()) for line in html.unescape(text).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _decode(payload: bytes, declared: str | None) -> str:
    """The declared charset when it fits, else UTF-8, else Windows-1258 (pasted mail often declares
    us-ascii or nothing while carrying Vietnamese UTF-8)."""
    for charset in (declared, "utf-8", "windows-1258"):
        if not charset:
            continue
        try:
            return payload.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("utf-8", errors="replace")


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    payload = part.get_payload(decode=True)
    content = (
        _decode(payload, part.get_content_charset()) if isinstance(payload, bytes) else str(payload or "")
    )
    text = html_to_text(content) if part.get_content_type() == "text/html" else content
    return text.replace("\r\n", "\n").strip()


def parse_pasted_email(raw: str) -> PastedEmail:
    """Sender, subject, date and body of a pasted raw e-mail; raises EmailParseError when no header
    block is recognisable (someone pasted only the body)."""
    text = raw.replace("\r\n", "\n").lstrip()
    # Parsed as bytes so an 8-bit body is decoded with the charset the message declares.
    message = email.message_from_bytes(
        text.encode("utf-8", errors="surrogateescape"), policy=email.policy.default
    )
    if not isinstance(message, EmailMessage) or not (message["From"] or message["Subject"]):
        raise EmailParseError(
            "Không nhận ra phần đầu thư (From:, Subject:, Date:). Hãy dán toàn bộ mã nguồn thư "
            "(trong Gmail: “Hiển thị thư gốc”; trong Outlook: “Xem nguồn”)."
        )
    addresses = getaddresses([str(message["From"] or "")])
    name, address = addresses[0] if addresses else ("", "")
    sent_at = None
    if message["Date"]:
        try:
            sent_at = parsedate_to_datetime(str(message["Date"]))
        except (TypeError, ValueError):
            sent_at = None
        if sent_at is not None and sent_at.tzinfo is None:
            sent_at = None  # a date without a zone cannot start a legal clock reliably
    return PastedEmail(
        sender_name=name.strip(),
        sender_email=address.strip(),
        subject=" ".join(str(message["Subject"] or "").split()),
        sent_at=sent_at,
        body=_body(message),
    )
