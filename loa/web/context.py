from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from loa.core.notifications import unread_count
from loa.organisations.access import is_coordinator, membership_of
from loa.organisations.selectors import home_province
from loa.web.nav import nav_links


def loa_context(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    coordinator = is_coordinator(user)
    return {
        "loa_home_province": home_province(),
        "loa_membership": membership_of(user),
        "loa_is_coordinator": coordinator,
        "loa_nav": nav_links(coordinator) if user is not None and user.is_authenticated else [],
        "loa_unread": unread_count(user),
    }
