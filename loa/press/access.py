"""Who may see and do what in press work, on top of `loa.organisations.access`.

- Reading: the usual scope, widened for the province's spokesperson (a spokesperson member of the
  People's Committee or its office), who speaks for the whole province.
- Approving answers and statements: an administrator, the spokesperson of the agency concerned, or the
  province's spokesperson. Officers and coordinators draft and send but do not approve.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext

from loa.organisations.access import EDITOR_ROLES, Scope, can_edit_for, membership_of, role_of, scope_for
from loa.organisations.models import Agency, Role

PROVINCIAL_SPEAKER_AGENCY_ROLES = frozenset({Agency.Role.PROVINCIAL_COMMITTEE, Agency.Role.PROVINCIAL_OFFICE})


def is_provincial_spokesperson(user: Any) -> bool:
    membership = membership_of(user)
    return (
        role_of(user) == Role.SPOKESPERSON
        and membership is not None
        and membership.agency.role in PROVINCIAL_SPEAKER_AGENCY_ROLES
    )


def press_scope(user: Any) -> Scope:
    scope = scope_for(user)
    if not scope.sees_all and is_provincial_spokesperson(user):
        return Scope(sees_all=True, agency_ids=scope.agency_ids, role=scope.role, agency_id=scope.agency_id)
    return scope


def can_approve(user: Any, agency: Agency | None) -> bool:
    role = role_of(user)
    if role == Role.ADMIN:
        return True
    if role != Role.SPOKESPERSON or agency is None:
        return False
    membership = membership_of(user)
    return membership is not None and (
        membership.agency_id == agency.pk or membership.agency.role in PROVINCIAL_SPEAKER_AGENCY_ROLES
    )


def require_approver(user: Any, agency: Agency | None) -> None:
    if not can_approve(user, agency):
        raise PermissionDenied(
            gettext(
                "Chỉ người phát ngôn của cơ quan (hoặc người phát ngôn của UBND tỉnh) được duyệt nội dung này."
            )
        )


def can_act_for(user: Any, agency: Agency | None) -> bool:
    """`can_edit_for`, plus: the People's Committee's office works for the Committee itself."""
    if can_edit_for(user, agency):
        return True
    membership = membership_of(user)
    return (
        agency is not None
        and membership is not None
        and role_of(user) in EDITOR_ROLES
        and agency.role == Agency.Role.PROVINCIAL_COMMITTEE
        and membership.agency.role == Agency.Role.PROVINCIAL_OFFICE
    )


def require_act(user: Any, agency: Agency | None) -> None:
    if not can_act_for(user, agency):
        raise PermissionDenied(gettext("Bạn không có quyền thực hiện thao tác này cho cơ quan này."))
