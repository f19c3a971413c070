"""First start: copy the legal seed data of press work (refusal grounds, personal-data retention rules)
into the database, where administrators edit them. Reading these tables never writes."""

from __future__ import annotations

from loa.press.retention import seed_retention_rules
from loa.press.services import seed_refusal_grounds


def demo_setup(newsroom_url: str) -> str | None:
    grounds, rules = seed_refusal_grounds(), seed_retention_rules()
    if not (grounds or rules):
        return None
    return f"báo chí: {grounds} căn cứ từ chối, {rules} quy tắc lưu giữ dữ liệu cá nhân được nạp"
