"""A fixed-window rate limit on the shared cache, for public forms and the API.

Keyed by client address and action; the cache is Redis in a scaled-out deployment, so limits hold
across web processes there, and per process on the embedded setup's file cache.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext


def client_key(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "unknown")


def hit(key: str, limit: int, window_seconds: int) -> bool:
    """Count one event; True while the key is within `limit` events in the current window."""
    bucket = f"rl:{key}:{int(time.time() // window_seconds)}"
    if cache.add(bucket, 1, timeout=window_seconds + 1):
        return True
    try:
        count = cache.incr(bucket)
    except ValueError:
        cache.set(bucket, 1, timeout=window_seconds + 1)
        count = 1
    return count <= limit


def ratelimit(
    action: str, limit: int, window_seconds: int = 60, methods: tuple[str, ...] = ("POST",)
) -> Callable:
    """View decorator: answers 429 with a Vietnamese message when the limit is exceeded."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method in methods and not hit(
                f"{action}:{client_key(request)}", limit, window_seconds
            ):
                response = HttpResponse(
                    gettext("Bạn gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ít phút."),
                    status=429,
                    content_type="text/plain; charset=utf-8",
                )
                response["Retry-After"] = str(window_seconds)
                return response
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
