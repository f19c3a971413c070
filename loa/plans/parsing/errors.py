"""The one error the parser raises for input it cannot turn into a plan."""

from __future__ import annotations


class DocumentError(Exception):
    """Unreadable or unrecognised input. ``message`` is Vietnamese, for the user; ``message_en`` for logs."""

    def __init__(self, message: str, message_en: str) -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en

    def __str__(self) -> str:
        return f"{self.message} ({self.message_en})"
