"""Who may see and change what. Every selector of agency-owned data starts from `scope_for(viewer)`.

Rules: administrators and coordinating officers (the press-management agency) see everything;
everyone else sees their own agency's work. Only administrators, coordinators and the agency's own
officers and spokespersons may change an agency's work.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext

from loa.organisations.models import Agency, Membership, Role

EDITOR_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR, Role.OFFICER, Role.SPOKESPERSON})


@dataclass(frozen=True)
class Scope:
    """What a viewer may read: everything, or the work of these agencies."""

    sees_all: bool
    agency_ids: frozenset[int]
    role: str | None
    agency_id: int | None

    def filter(self, queryset: QuerySet[Any], agency_field: str = "agency") -> QuerySet[Any]:
        if self.sees_all:
            return queryset
        if not self.agency_ids:
            return queryset.none()
        return queryset.filter(**{f"{agency_field}__in": self.agency_ids})

    def q(self, *agency_fields: str) -> Q:
        """A Q object for objects tied to any of several agency relations (e.g. lead or coordinating)."""
        if self.sees_all:
            return Q()
        condition = Q(pk__in=[])
        for field in agency_fields:
            condition |= Q(**{f"{field}__in": self.agency_ids})
        return condition

    def can_read_agency(self, agency_id: int | None) -> bool:
        return self.sees_all or (agency_id is not None and agency_id in self.agency_ids)


NOBODY = Scope(sees_all=False, agency_ids=frozenset(), role=None, agency_id=None)


def membership_of(user: Any) -> Membership | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    if hasattr(user, "_loa_membership"):
        cached: Membership | None = user._loa_membership
        return cached
    membership = Membership.objects.select_related("agency").filter(user=user).first()
    user._loa_membership = membership
    return membership


def role_of(user: Any) -> str | None:
    if user is not None and getattr(user, "is_superuser", False):
        return Role.ADMIN
    membership = membership_of(user)
    return membership.role if membership else None


def scope_for(user: Any) -> Scope:
    if user is None or not getattr(user, "is_authenticated", False):
        return NOBODY
    membership = membership_of(user)
    role = role_of(user)
    agency_id = membership.agency_id if membership else None
    if role in (Role.ADMIN, Role.COORDINATOR):
        return Scope(sees_all=True, agency_ids=frozenset(), role=role, agency_id=agency_id)
    ids = frozenset({agency_id}) if agency_id else frozenset()
    return Scope(sees_all=False, agency_ids=ids, role=role, agency_id=agency_id)


def is_coordinator(user: Any) -> bool:
    return role_of(user) in (Role.ADMIN, Role.COORDINATOR)


def is_admin(user: Any) -> bool:
    return role_of(user) == Role.ADMIN


def can_edit_for(user: Any, agency: Agency | int | None) -> bool:
    role = role_of(user)
    if role in (Role.ADMIN, Role.COORDINATOR):
        return True
    if role not in EDITOR_ROLES or agency is None:
        return False
    agency_id = agency if isinstance(agency, int) else agency.pk
    membership = membership_of(user)
    return membership is not None and membership.agency_id == agency_id


def require_edit(user: Any, agency: Agency | int | None) -> None:
    if not can_edit_for(user, agency):
        raise PermissionDenied(gettext("Bạn không có quyền thực hiện thao tác này cho cơ quan này."))


def require_coordinator(user: Any) -> None:
    if not is_coordinator(user):
        raise PermissionDenied(
            gettext("Chỉ cán bộ điều phối hoặc quản trị viên được thực hiện thao tác này.")
        )
