"""Pages under /monitoring/. Views parse input, call one selector or service, and render."""

from __future__ import annotations

import csv
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from loa.monitoring import labels, selectors, services
from loa.monitoring.forms import ReprocessForm, SavedSearchForm, SectorForm, SourceForm
from loa.monitoring.models import Article, IngestItem, SavedSearch, Sector, SectorRetag, Source, Story
from loa.monitoring.runtime import raw_archive
from loa.organisations.access import EDITOR_ROLES, is_coordinator, require_coordinator, role_of
from loa.pipeline.archive import ArchiveError
from loa.pipeline.fetch import decode_body
from loa.pipeline.sectors import SectorRuleError
from loa.web.responses import show_form_errors

PAGE_SIZE = 20
EXPORT_LIMIT = 1000


def _errors(request: HttpRequest, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


def _form_errors(form: Any, exc: ValidationError) -> None:
    """Put a service's ValidationError on the form's fields (or the form) so it shows in place."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


def _query_params(request: HttpRequest) -> tuple[str, dict[str, list[str]]]:
    return request.GET.get("q", "").strip()[:300], selectors.filters_to_params(request.GET)


# --- articles ------------------------------------------------------------------------------------------


@login_required
def articles(request: HttpRequest) -> HttpResponse:
    query, params = _query_params(request)
    filters = selectors.filters_from_params(request.GET)
    try:
        number = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        number = 1
    page, extras = selectors.search(
        request.user, query, filters, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE
    )
    base = urlencode({"q": query, **params}, doseq=True)
    return render(
        request,
        "monitoring/articles.html",
        {
            "query": query,
            "params": params,
            "page": page,
            "hits": [(hit, extras.get(hit.article.pk)) for hit in page.hits],
            "number": number,
            "has_next": len(page.hits) == PAGE_SIZE and (not query or number * PAGE_SIZE < page.total),
            "base": base,
            "choices": selectors.filter_choices(),
            "topic_labels": {k: str(v) for k, v in labels.TOPICS.items()},
            "saved": selectors.saved_searches_for(request.user),
            "save_form": SavedSearchForm(initial={"name": query}),
            "flagged": selectors.flagged_sources(),
            "progress": selectors.pipeline_progress(),
        },
    )


@login_required
def articles_export(request: HttpRequest) -> HttpResponse:
    """The current search as CSV (at most EXPORT_LIMIT rows; UTF-8 with BOM so Excel reads the accents)."""
    query, _params = _query_params(request)
    filters = selectors.filters_from_params(request.GET)
    page, extras = selectors.search(request.user, query, filters, limit=EXPORT_LIMIT)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="loa-bai-bao-{stamp}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        [
            "Ngày đăng",
            "Nguồn",
            "Tiêu đề",
            "Địa chỉ",
            "Chủ đề",
            "Sắc thái",
            "Lĩnh vực",
            "Số bản đăng lại",
            "Mức liên quan",
        ]
    )
    for hit in page.hits:
        article = hit.article
        extra = extras.get(article.pk)
        published = (
            timezone.localtime(article.published_at).strftime("%Y-%m-%d %H:%M")
            if article.published_at
            else ""
        )
        writer.writerow(
            [
                published,
                article.source.name,
                article.title,
                article.url,
                labels.topic_label(article.topic),
                article.get_sentiment_display(),
                "; ".join(extra.sectors) if extra else "",
                extra.copies if extra else 1,
                f"{article.relevance:.2f}",
            ]
        )
    return response


@login_required
def article_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        article = selectors.article_for(request.user, pk)
    except Article.DoesNotExist:
        raise Http404 from None
    copies = selectors.story_copies(article.story) if article.story else []
    return render(
        request,
        "monitoring/article_detail.html",
        {
            "article": article,
            "topic": labels.topic_label(article.topic),
            "places": selectors.article_places(article),
            "cues": selectors.sentiment_explanation(article),
            "sectors": list(article.sectors.all()),
            "copies": copies,
            "can_see_raw": selectors.can_see_raw(request.user) and bool(article.raw_sha256),
            "can_request_press": role_of(request.user) in EDITOR_ROLES,
            "paragraphs": [p for p in article.text.split("\n") if p.strip()],
        },
    )


@login_required
def article_raw(request: HttpRequest, pk: int) -> HttpResponse:
    """The archived page as plain text (never rendered as HTML from our own domain)."""
    if not selectors.can_see_raw(request.user):
        raise PermissionDenied("Chỉ cán bộ điều phối xem được trang gốc đã lưu.")
    article = get_object_or_404(Article, pk=pk)
    try:
        body = raw_archive().get(article.raw_sha256)
    except ArchiveError:
        raise Http404("Không còn bản lưu của trang này.") from None
    item = article.ingest_items.first()
    decoded = decode_body(body, item.content_type if item else None)
    text = decoded[0] if decoded else body.decode("utf-8", errors="replace")
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_POST
def article_press_request(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.select_related("source"), pk=pk)
    try:
        press_request = services.press_request_for_article(request.user, article)
    except PermissionDenied as exc:
        messages.error(request, str(exc) or gettext("Bạn không có quyền tạo yêu cầu báo chí."))
        return redirect("monitoring:article", pk=pk)
    except ValidationError as exc:
        _errors(request, exc)
        return redirect("monitoring:article", pk=pk)
    messages.success(request, gettext("Đã tạo yêu cầu báo chí từ bài viết này."))
    return redirect("press:request", pk=press_request.pk)


# --- stories -------------------------------------------------------------------------------------------


@login_required
def story_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        story = selectors.story_for(request.user, pk)
    except Story.DoesNotExist:
        raise Http404 from None
    copies = selectors.story_copies(story)
    outlets = sorted({copy.article.source.name for copy in copies})
    return render(
        request,
        "monitoring/story_detail.html",
        {"story": story, "copies": copies, "outlets": outlets, "topic": labels.topic_label(story.topic)},
    )


# --- saved searches ------------------------------------------------------------------------------------


@login_required
def saved_searches(request: HttpRequest) -> HttpResponse:
    rows = [
        (saved, selectors.describe_filters(saved.filters), services.saved_search_querystring(saved))
        for saved in selectors.saved_searches_for(request.user)
    ]
    return render(request, "monitoring/saved_searches.html", {"rows": rows})


@login_required
@require_POST
def saved_search_create(request: HttpRequest) -> HttpResponse:
    form = SavedSearchForm(request.POST)
    query = request.POST.get("q", "").strip()[:300]
    filters = selectors.filters_to_params(request.POST)
    if form.is_valid():
        saved = services.saved_search_create(
            request.user,
            name=form.cleaned_data["name"],
            query=query,
            filters=filters,
            notify=form.cleaned_data["notify"],
        )
        messages.success(request, gettext("Đã lưu tìm kiếm “%(name)s”.") % {"name": saved.name})
    return redirect(f"{reverse('monitoring:articles')}?{urlencode({'q': query, **filters}, doseq=True)}")


@login_required
@require_POST
def saved_search_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    try:
        saved = selectors.saved_search_for(request.user, pk)
    except SavedSearch.DoesNotExist:
        raise Http404 from None
    if action == "delete":
        services.saved_search_delete(request.user, saved)
        messages.success(request, gettext("Đã xóa tìm kiếm đã lưu."))
    elif action == "notify":
        services.saved_search_set_notify(request.user, saved, request.POST.get("notify") == "1")
    else:
        raise Http404
    return redirect("monitoring:saved_searches")


# --- sources and health --------------------------------------------------------------------------------


@login_required
def sources(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "monitoring/sources.html",
        {
            "rows": selectors.source_rows(request.user),
            "progress": selectors.pipeline_progress(),
            "failures": selectors.recent_failures(),
            "reprocess": selectors.last_reprocess_run(),
            "reprocess_form": ReprocessForm(),
            "is_coordinator": is_coordinator(request.user),
            "states": IngestItem.State,
        },
    )


def _source_initial(source: Source) -> dict[str, Any]:
    return {
        "name": source.name,
        "kind": source.kind,
        "homepage": source.homepage,
        "feeds": "\n".join(f.url for f in source.feeds.filter(is_active=True)),
        "discover": False,
        "is_active": source.is_active,
        "fetch_concurrency": source.fetch_concurrency,
        "fetch_min_delay": source.fetch_min_delay,
        "min_interval_seconds": source.min_interval_seconds,
        "max_interval_seconds": source.max_interval_seconds,
    }


@login_required
def source_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require_coordinator(request.user)
    source = get_object_or_404(Source, pk=pk) if pk else None
    form = SourceForm(request.POST or None, initial=_source_initial(source) if source else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        politeness = {
            key: data[key]
            for key in (
                "fetch_concurrency",
                "fetch_min_delay",
                "min_interval_seconds",
                "max_interval_seconds",
            )
        }
        try:
            if source is None:
                source = services.source_create(
                    request.user,
                    name=data["name"],
                    kind=data["kind"],
                    homepage=data["homepage"],
                    feeds=form.feed_urls(),
                    discover=data["discover"],
                    **politeness,
                )
                messages.success(
                    request,
                    gettext("Đã thêm nguồn “%(name)s”; sẽ lấy tin trong vòng một phút.")
                    % {"name": source.name},
                )
            else:
                services.source_update(
                    request.user,
                    source,
                    feeds=form.feed_urls(),
                    name=data["name"],
                    kind=data["kind"],
                    homepage=data["homepage"],
                    is_active=data["is_active"],
                    allow_private=source.is_sample or None,
                    **politeness,
                )
                messages.success(request, gettext("Đã lưu nguồn tin."))
            return redirect("monitoring:sources")
        except ValidationError as exc:
            _form_errors(form, exc)
    return render(request, "monitoring/source_form.html", {"form": form, "source": source})


@login_required
@require_POST
def item_retry(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(IngestItem, pk=pk)
    try:
        services.item_retry(request.user, item)
        messages.success(request, gettext("Đã đưa lại vào hàng đợi."))
    except ValidationError as exc:
        _errors(request, exc)
    return redirect("monitoring:sources")


@login_required
@require_POST
def reprocess_start(request: HttpRequest) -> HttpResponse:
    form = ReprocessForm(request.POST)
    if not form.is_valid():
        show_form_errors(request, form)
        return redirect("monitoring:sources")
    data = form.cleaned_data
    try:
        run = services.reprocess_start(
            request.user,
            since=data["since"],
            source_id=data["source"].pk if data["source"] else None,
            re_extract=data["re_extract"],
        )
    except ValidationError as exc:
        _errors(request, exc)
    else:
        messages.success(
            request, gettext("Đã bắt đầu xử lý lại %(n)s bài; tiến độ hiện bên dưới.") % {"n": run.total}
        )
    return redirect(reverse("monitoring:sources") + "#reprocess")


# --- sector rules --------------------------------------------------------------------------------------


@login_required
def sectors(request: HttpRequest) -> HttpResponse:
    require_coordinator(request.user)
    rows = selectors.sector_rows()
    running = any(run is not None and run.state == SectorRetag.State.RUNNING for _, run in rows)
    return render(request, "monitoring/sectors.html", {"rows": rows, "running": running})


@login_required
def sector_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require_coordinator(request.user)
    sector = get_object_or_404(Sector, pk=pk) if pk else None
    initial = (
        {
            "name": sector.name,
            "query": sector.query,
            "agency": sector.agency_id,
            "is_active": sector.is_active,
        }
        if sector
        else None
    )
    form = SectorForm(request.POST or None, initial=initial)
    preview = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.sector_save(
                request.user,
                name=data["name"],
                query=data["query"],
                agency=data["agency"],
                is_active=data["is_active"],
                sector=sector,
            )
            messages.success(
                request,
                gettext(
                    "Đã lưu lĩnh vực. Quy tắc áp dụng ngay cho bài mới; các bài đã thu thập đang được gắn "
                    "lại nhãn."
                ),
            )
            return redirect("monitoring:sectors")
        except ValidationError as exc:
            _form_errors(form, exc)
    query = form.data.get("query") if form.is_bound else (sector.query if sector else "")
    if query:
        try:
            preview = services.sector_preview(str(query))
        except SectorRuleError:
            preview = None
    return render(
        request,
        "monitoring/sector_form.html",
        {
            "form": form,
            "sector": sector,
            "preview": preview,
            "retag": selectors.sector_retag(sector) if sector else None,
        },
    )


@login_required
@require_POST
def sector_delete(request: HttpRequest, pk: int) -> HttpResponse:
    sector = get_object_or_404(Sector, pk=pk)
    services.sector_delete(request.user, sector)
    messages.success(
        request,
        gettext("Đã tắt lĩnh vực “%(name)s”; sẽ xóa sau khi gỡ nhãn khỏi các bài.") % {"name": sector.name},
    )
    return redirect("monitoring:sectors")


@login_required
def sector_preview(request: HttpRequest) -> JsonResponse:
    """Live preview for the rule editor: how many of the last 500 articles the rule would match."""
    require_coordinator(request.user)
    query = request.GET.get("query", "").strip()
    if not query:
        return JsonResponse({"ok": False, "error": gettext("Nhập biểu thức từ khóa.")})
    try:
        preview = services.sector_preview(query)
    except SectorRuleError as exc:
        return JsonResponse({"ok": False, "error": str(exc)})
    return JsonResponse(
        {
            "ok": True,
            "matched": preview.matched,
            "total": preview.total,
            "examples": [{"id": a.pk, "title": a.title} for a in preview.examples],
        }
    )
