"""Plan dashboard p95 on the embedded database (SQLite): 100 agencies × 50 tasks × 12 monthly periods =
60,000 obligations (every agency leads every task), in every status. Times the selectors and the
template render of each dashboard view (by task, by agency, by period with its chart, the paginated
list, a status filter, the plans list), for a coordinator (sees all) and an agency officer (own agency),
in wall-clock and process CPU time (the machine is shared). Target: p95 ≤ 300 ms.

Set LOA_BENCH_PLANS_AGENCIES / _TASKS for a smaller run."""

from __future__ import annotations

import os
import random
import statistics
import time
from datetime import date, timedelta
from typing import Any

from loa.bench.throwaway import throwaway_database

REPEATS = 25
PERIODS = 12


def _build(agencies_n: int, tasks_n: int, rng: random.Random) -> tuple[Any, Any, Any]:
    from django.contrib.auth import get_user_model

    from loa.organisations.models import Agency, Membership, Province, Role
    from loa.plans.models import Obligation, Plan, Task, TaskAgency, TaskUnit
    from loa.plans.schedule import periods_between
    from loa.text import search_key

    province = Province.objects.create(
        code="99", name="Tỉnh Đo Hiệu Năng", short_name="Đo Hiệu Năng", kind="tỉnh"
    )
    Agency.objects.bulk_create(
        Agency(
            province=province,
            name=f"Cơ quan đo hiệu năng {i:03d}",
            short_name=f"CQ {i:03d}",
            role=Agency.Role.DEPARTMENT if i < 20 else Agency.Role.COMMUNE_COMMITTEE,
            slug=f"bench-{i}",
            search_key=search_key(f"Cơ quan đo hiệu năng {i:03d}"),
        )
        for i in range(agencies_n)
    )
    agencies = list(Agency.objects.order_by("pk"))
    users = get_user_model().objects
    coordinator = users.create_user("bench_coord", password="mat-khau-do-hieu-nang")
    officer = users.create_user("bench_officer", password="mat-khau-do-hieu-nang")
    Membership.objects.create(user=coordinator, agency=agencies[0], role=Role.COORDINATOR)
    Membership.objects.create(user=officer, agency=agencies[7], role=Role.OFFICER)
    plan = Plan.objects.create(
        province=province,
        owner_agency=agencies[0],
        kind="KH",
        number="1/KH-UBND",
        issuer="UBND tỉnh Đo Hiệu Năng",
        title="Kế hoạch đo hiệu năng",
        ongoing_period="monthly",
        tracking_from=date(2026, 1, 1),
    )
    Task.objects.bulk_create(
        Task(
            plan=plan,
            position=i,
            ref=f"{i + 1}",
            title=f"Nhiệm vụ {i + 1}",
            content="Nội dung",
            cadence="monthly",
        )
        for i in range(tasks_n)
    )
    tasks = list(plan.tasks.order_by("position"))
    TaskUnit.objects.bulk_create(
        TaskUnit(task=t, role="lead", written="Các cơ quan", via="collective", position=0) for t in tasks
    )
    units = {u.task_id: u for u in TaskUnit.objects.filter(task__plan=plan)}
    TaskAgency.objects.bulk_create(
        (TaskAgency(task=t, unit=units[t.pk], agency=a, role="lead") for t in tasks for a in agencies),
        batch_size=5000,
    )
    periods = periods_between("monthly", date(2026, 1, 1), date(2026, 12, 31))[:PERIODS]
    today = date(2026, 9, 15)
    rows = []
    for task in tasks:
        for agency in agencies:
            for period in periods:
                due = period.end
                state, reported = "planned", None
                if period.start <= today:
                    state = rng.choices(
                        ["accepted", "reported", "returned", "assigned", "in_progress"], [55, 10, 5, 25, 5]
                    )[0]
                    if state in ("accepted", "reported", "returned"):
                        reported = due + timedelta(days=rng.choice([-5, -1, 0, 2, 6]))
                rows.append(
                    Obligation(
                        plan=plan,
                        task=task,
                        agency=agency,
                        period_kind="monthly",
                        period_key=period.key,
                        period_label=period.label,
                        period_start=period.start,
                        period_end=period.end,
                        nominal_due=due,
                        due_date=due,
                        state=state,
                        reported_on=reported,
                    )
                )
    Obligation.objects.bulk_create(rows, batch_size=5000)
    return plan, coordinator, officer


def _views(plan: Any) -> list[tuple[str, str, dict[str, str]]]:
    return [
        ("by_task", f"/plans/{plan.pk}/", {"view": "task"}),
        ("by_agency", f"/plans/{plan.pk}/", {"view": "agency"}),
        ("by_period", f"/plans/{plan.pk}/", {"view": "period"}),
        ("list_page", f"/plans/{plan.pk}/", {"view": "list", "page": "3"}),
        ("filtered_missing", f"/plans/{plan.pk}/", {"view": "agency", "status": "missing"}),
        ("plans_list", "/plans/", {}),
    ]


def run() -> dict[str, Any]:
    agencies_n = int(os.environ.get("LOA_BENCH_PLANS_AGENCIES", "100"))
    tasks_n = int(os.environ.get("LOA_BENCH_PLANS_TASKS", "50"))
    with throwaway_database("loa-bench-plans-"):
        return _measure(agencies_n, tasks_n)


def _measure(agencies_n: int, tasks_n: int) -> dict[str, Any]:
    from django.test import RequestFactory
    from django.urls import resolve

    started = time.perf_counter()
    plan, coordinator, officer = _build(agencies_n, tasks_n, random.Random(11))
    build_seconds = time.perf_counter() - started
    factory = RequestFactory()
    results: dict[str, Any] = {
        "agencies": agencies_n,
        "tasks": tasks_n,
        "periods": PERIODS,
        "obligations": plan.obligations.count(),
        "build_seconds": round(build_seconds, 1),
    }
    every: list[float] = []
    every_cpu: list[float] = []
    for who, user in (("coordinator", coordinator), ("officer", officer)):
        for name, path, params in _views(plan):
            match = resolve(path)
            timings, cpu = [], []
            for attempt in range(REPEATS + 3):
                request = factory.get(path, params, HTTP_HOST="127.0.0.1")
                request.user = user
                t, c = time.perf_counter(), time.process_time()
                response = match.func(request, *match.args, **match.kwargs)
                elapsed, used = (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000
                assert response.status_code == 200, (name, response.status_code)
                if attempt >= 3:  # warm caches as a running server would have them
                    timings.append(elapsed)
                    cpu.append(used)
            every.extend(timings)
            every_cpu.extend(cpu)
            results[f"{who}_{name}_p50_ms"] = round(statistics.median(timings), 1)
            results[f"{who}_{name}_p95_ms"] = _p95(timings)
            results[f"{who}_{name}_cpu_p95_ms"] = _p95(cpu)
    results["all_views_p50_ms"] = round(statistics.median(every), 1)
    results["all_views_p95_ms"] = _p95(every)
    # CPU time of the process (SQLite runs inside it): what the page costs when the machine is not shared.
    results["all_views_cpu_p50_ms"] = round(statistics.median(every_cpu), 1)
    results["all_views_cpu_p95_ms"] = _p95(every_cpu)
    results["load_average_1min"] = round(os.getloadavg()[0], 2)
    results["target_p95_ms"] = 300
    return results


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return round(ordered[max(0, int(len(ordered) * 0.95) - 1)], 1)
