"""Helpers for the plans tests outside the parser: importing documents through the review service,
documents that are not plans, and aware datetimes in Vietnam time."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
BAC_KAN = "003_e29ae8c1d873658f.txt"
DAK_LAK = "000_fef7328643f9545c.txt"


def seed_bytes(name: str) -> bytes:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"../shared/seeds is absent ({path}); this test imports the seed documents")
    return path.read_bytes()


def at(moment: str) -> datetime:
    """ "2027-02-03T09:00" in Vietnam time."""
    return datetime.fromisoformat(moment).replace(tzinfo=timezone.get_default_timezone())


def upload(content: bytes, name: str = "ke-hoach.docx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def sample_docx(year: int = 2026) -> bytes:
    from loa.plans.demo import sample_plan_docx

    return sample_plan_docx("Thái Nguyên", year)


def import_sample(
    actor: Any,
    *,
    tracking_from: date,
    now: datetime | None = None,
    content: bytes | None = None,
    **settings: Any,
) -> Any:
    """The sample plan imported, reviewed with `settings` and saved: returns the Plan."""
    from loa.plans import services

    record = services.import_document(actor, upload(content or sample_docx()), now=now)
    form = {
        "set-tracking_from": tracking_from.isoformat(),
        **{f"set-{k}": str(v) for k, v in settings.items()},
    }
    assert services.import_correct(actor, record, form) == []
    return services.import_confirm(actor, record, now=now)


def task_index(record: Any, ref: str) -> int:
    return next(i for i, task in enumerate(record.data["tasks"]) if task["ref"] == ref)


# --- files that are not plans -----------------------------------------------------------------------


def _pdf(draw_text: bool) -> bytes:
    from matplotlib.backends.backend_pdf import FigureCanvasPdf
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    figure = Figure(figsize=(8.27, 11.69))
    FigureCanvasPdf(figure)
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    if draw_text:
        axes.text(0.1, 0.9, "Quarterly sales figures for the northern region", fontsize=12)
        axes.text(0.1, 0.85, "Revenue grew by four percent compared with last year.", fontsize=12)
    else:
        axes.add_patch(Rectangle((0.2, 0.2), 0.5, 0.3))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="pdf")
    return buffer.getvalue()


def random_pdf() -> bytes:
    return _pdf(True)


def image_only_pdf() -> bytes:
    return _pdf(False)


def spreadsheet() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["TT", "Nội dung", "Đơn vị chủ trì"])
    workbook.active.append([1, "Tập huấn", "Sở Tư pháp"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def corrupted_docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document>" + "x" * 5000)
    data = buffer.getvalue()
    return data[: len(data) // 2]
