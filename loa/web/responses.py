"""What every capability's views do the same way: run a service call and turn a refusal into a message,
and send a generated file as a download."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def show_error(request: HttpRequest, exc: Exception) -> None:
    """A refused change as messages on the next page: every message of a ValidationError, else the text."""
    if isinstance(exc, ValidationError):
        for message in exc.messages:
            messages.error(request, message)
    elif isinstance(exc, PermissionDenied):
        messages.error(request, str(exc) or gettext("Bạn không có quyền thực hiện thao tác này."))
    else:
        messages.error(request, str(exc) or gettext("Không thực hiện được thao tác này."))


def show_form_errors(request: HttpRequest, form: Any) -> None:
    """A form that came back invalid to a page that redirects: its errors as messages."""
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, str(error))


def attempt(
    request: HttpRequest,
    action: Callable[[], Any],
    success: str,
    refusals: tuple[type[Exception], ...] = (),
) -> Any:
    """Run a service call; a refused change (ValidationError, ValueError such as a services'
    TransitionError, or one of `refusals`) becomes an error message instead of a crash. Returns the
    call's result, or None when it was refused."""
    refused: tuple[type[Exception], ...] = (ValidationError, ValueError, *refusals)
    try:
        result = action()
    except refused as exc:
        show_error(request, exc)
        return None
    messages.success(request, success)
    return result


def download(data: bytes | str, filename: str, content_type: str) -> HttpResponse:
    """A file to save; the name may be Vietnamese (RFC 6266 `filename*` with an ASCII fallback)."""
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response
