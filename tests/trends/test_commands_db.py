"""`loa trends rebuild|run|digest`: the database commands (the contract commands are tested in
tests/pipeline/trends/test_commands.py)."""

from __future__ import annotations

from datetime import timedelta
from io import BytesIO

import pytest
from docx import Document

from loa.cli import main
from loa.trends import keys as K
from loa.trends.models import SeriesPoint
from tests.trends.conftest import at, point, today

pytestmark = pytest.mark.django_db


def test_rebuild_run_and_digest(make_story, tmp_path, capsys):
    day = today() - timedelta(days=1)
    make_story(at(day, 9), copies=5, title="Tin kiểm tra lệnh")
    assert main(["trends", "rebuild"]) == 0
    assert point(K.ALL, day) == (1, 0) and SeriesPoint.objects.exists()
    assert main(["trends", "run"]) == 0
    output = tmp_path / "ban-tin.docx"
    assert (
        main(
            [
                "trends",
                "digest",
                "--first",
                day.isoformat(),
                "--last",
                day.isoformat(),
                "--output",
                str(output),
            ]
        )
        == 0
    )
    doc = Document(BytesIO(output.read_bytes()))
    assert "Tin kiểm tra lệnh" in "\n".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert main(["trends", "digest", "--agency", "999999", "--output", str(output)]) == 2
    assert "không có cơ quan" in capsys.readouterr().err
