"""First start: the default alert rules, so that a surge reaches the agency in charge out of the box."""

from __future__ import annotations

from loa.trends import services


def demo_setup(newsroom_url: str) -> str | None:
    created = services.ensure_default_rules()
    return f"xu hướng: {created} quy tắc cảnh báo mặc định" if created else None
