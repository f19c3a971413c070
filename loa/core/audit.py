"""Recording audit events. Services call `record` inside their transaction, so a rolled-back
change leaves no audit row and a committed one always has its row."""

from __future__ import annotations

from typing import Any

from django.db import models

from loa.core.models import AuditEvent


def _jsonable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def record(
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    *,
    changes: dict[str, Any] | None = None,
    agency_id: int | None = None,
    object_type: str | None = None,
    object_repr: str | None = None,
    object_id: str | None = None,
) -> AuditEvent:
    is_user = actor is not None and getattr(actor, "is_authenticated", False)
    label = (actor.get_username() if is_user else str(actor or "system"))[:200]
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_repr = object_repr or str(obj)
    return AuditEvent.objects.create(
        actor=actor if is_user else None,
        actor_label=label,
        action=action,
        object_type=object_type or "",
        object_id=object_id or (str(obj.pk) if obj is not None and obj.pk is not None else ""),
        object_repr=(object_repr or "")[:300],
        agency_id=agency_id,
        changes=_jsonable(changes or {}),
    )


def diff(instance: models.Model, fields: dict[str, Any]) -> dict[str, list[Any]]:
    """Changes {field: [old, new]} that applying `fields` to `instance` would make."""
    return {
        name: [_jsonable(getattr(instance, name)), _jsonable(value)]
        for name, value in fields.items()
        if getattr(instance, name) != value
    }
