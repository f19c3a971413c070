import pytest

from loa.organisations import services
from loa.organisations.commands import initialise


@pytest.mark.django_db
def test_run_start_up_skips_an_initialised_province(province, monkeypatch, capsys):
    def fail(*args, **kwargs):
        raise AssertionError("init_province must not run again at start-up")

    monkeypatch.setattr(services, "init_province", fail)
    assert initialise("Thái Nguyên", demo=True, only_if_new=True) == 0
    assert "quantri" in capsys.readouterr().out  # demo accounts still created once


@pytest.mark.django_db
def test_unknown_province_stops_start_up(capsys):
    assert initialise("Atlantis", demo=False, only_if_new=True) == 2
    assert "Atlantis" in capsys.readouterr().err
