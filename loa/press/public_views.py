"""Public pages without login (/public/): spokesperson directory, statements, press-conference schedule,
and the journalists' request form (CSRF-protected, rate-limited, attachments checked by content)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_protect

from loa.core.ratelimit import ratelimit
from loa.press import selectors, services
from loa.press.forms import PublicPressRequestForm
from loa.press.models import PressRequest

SESSION_KEY = "loa_press_reference"


def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "press/public/index.html",
        {
            "statements": selectors.public_statements()[:5],
            "schedule": selectors.public_schedule()["upcoming"][:5],
        },
    )


def directory(request: HttpRequest) -> HttpResponse:
    return render(request, "press/public/directory.html", {"people": selectors.public_directory()})


def statements(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.public_statements(), 20).get_page(request.GET.get("page"))
    return render(request, "press/public/statements.html", {"page": page})


def statement(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(selectors.public_statements(), pk=pk)
    return render(request, "press/public/statement.html", {"item": item})


def schedule(request: HttpRequest) -> HttpResponse:
    return render(request, "press/public/schedule.html", selectors.public_schedule())


@csrf_protect
@ratelimit("press.public_request", limit=5, window_seconds=3600)
def request_form(request: HttpRequest) -> HttpResponse:
    form = PublicPressRequestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "website"}
        try:
            created = services.press_request_receive(None, channel=PressRequest.Channel.PUBLIC_FORM, **data)
        except ValidationError as exc:
            by_field = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
            for name, errors in by_field.items():
                for error in errors:
                    form.add_error(name if name in form.fields else None, error)
        else:
            request.session[SESSION_KEY] = created.reference
            return redirect("public:request_sent")
    return render(request, "press/public/request_form.html", {"form": form})


def request_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "press/public/request_sent.html", {"reference": request.session.get(SESSION_KEY)})
