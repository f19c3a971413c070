from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja.security import APIKeyHeader, HttpBearer, django_auth

from loa.organisations.models import ApiToken


class TokenAuth(HttpBearer):
    """`Authorization: Bearer loa_…` — the token acts as its user, with the same permission rules."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        row = (
            ApiToken.objects.select_related("user")
            .filter(digest=ApiToken.hash(token), revoked=False, user__is_active=True)
            .first()
        )
        if row is None:
            return None
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=timezone.now())
        request.user = row.user
        return row.user


class HeaderTokenAuth(APIKeyHeader):
    param_name = "X-Loa-Token"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return TokenAuth().authenticate(request, key or "")


AUTH = [TokenAuth(), HeaderTokenAuth(), django_auth]
