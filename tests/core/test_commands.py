"""`loa run` starts the scheduler even when its schedule file was left half written."""

from __future__ import annotations

import shelve
from pathlib import Path

from loa.core.commands import reset_broken_beat_schedule


def test_a_readable_schedule_is_kept_and_a_broken_one_is_reset(tmp_path: Path) -> None:
    path = tmp_path / "celerybeat-schedule"
    assert reset_broken_beat_schedule(path) is False  # nothing there yet

    with shelve.open(str(path)) as store:
        store["entries"] = {"monitoring.poll_due": "last run"}
    assert reset_broken_beat_schedule(path) is False
    with shelve.open(str(path), flag="r") as store:
        assert store["entries"] == {"monitoring.poll_due": "last run"}

    for written in tmp_path.iterdir():  # a kill or power cut in the middle of a write
        written.write_bytes(written.read_bytes()[:3])
    assert reset_broken_beat_schedule(path) is True
    assert not list(tmp_path.iterdir())
    with shelve.open(str(path)) as store:  # Celery beat can start afresh
        store["entries"] = {}
