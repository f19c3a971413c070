"""First start: copy the seed rules into the database so administrators can edit them."""

from __future__ import annotations

from loa.deadlines.services import seed_rules


def demo_setup(newsroom_url: str) -> str | None:
    created = seed_rules()
    return f"thời hạn pháp lý: {created} thế hệ quy tắc được nạp" if created else None
