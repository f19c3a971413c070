"""Bad configuration gives a clear message at start, not a traceback."""

import os
import subprocess
import sys
from pathlib import Path

LOA = str(Path(sys.executable).parent / "loa")


def _run(env_overrides, *args, tmp_path):
    env = {**os.environ, "LOA_DATA_DIR": str(tmp_path / "data"), **env_overrides}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return subprocess.run([LOA, *args], env=env, capture_output=True, text=True, timeout=60)


def test_malformed_database_url_is_explained(tmp_path):
    result = _run({"DATABASE_URL": "mysql//nonsense"}, "check", tmp_path=tmp_path)
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr and "Traceback" not in result.stderr


def test_unreachable_broker_is_explained(tmp_path):
    result = _run({"CELERY_BROKER_URL": "redis://127.0.0.1:1/0"}, "check", tmp_path=tmp_path)
    assert result.returncode == 1
    assert "CELERY_BROKER_URL" in result.stderr and "Traceback" not in result.stderr


def test_unwritable_data_folder_is_explained(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = _run({"LOA_DATA_DIR": str(blocker / "sub")}, "check", tmp_path=tmp_path)
    assert result.returncode != 0
    assert "LOA_DATA_DIR" in result.stderr and "Traceback" not in result.stderr


def test_embedded_setup_checks_clean(tmp_path):
    result = _run({}, "check", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr


def test_env_float_reads_numbers_and_explains_bad_ones(monkeypatch):
    import pytest

    from config.env import ConfigurationError, env_float

    monkeypatch.setenv("LOA_TEST_SECONDS", "0.25")
    assert env_float("LOA_TEST_SECONDS", 1.0) == 0.25
    monkeypatch.setenv("LOA_TEST_SECONDS", "")
    assert env_float("LOA_TEST_SECONDS", 1.0) == 1.0
    monkeypatch.setenv("LOA_TEST_SECONDS", "soon")
    with pytest.raises(ConfigurationError, match="LOA_TEST_SECONDS='soon' is not a number"):
        env_float("LOA_TEST_SECONDS", 1.0)
