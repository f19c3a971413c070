"""Optional capability modules: an absent one is skipped, a broken one is not hidden."""

import sys

import pytest

from loa.core.plugins import optional_import, optional_modules


def test_absent_modules_and_packages_are_skipped():
    assert optional_import("loa.no_such_capability") is None
    assert optional_import("loa.no_such_capability.urls") is None
    assert [m.__name__ for m in optional_modules(["loa.no_such_capability.api", "loa.core.audit"])] == [
        "loa.core.audit"
    ]


def test_a_missing_dependency_inside_an_installed_module_is_raised(tmp_path, monkeypatch):
    (tmp_path / "loa_broken_plugin.py").write_text("import loa_dependency_that_is_absent\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        with pytest.raises(ModuleNotFoundError, match="loa_dependency_that_is_absent"):
            optional_import("loa_broken_plugin")
    finally:
        sys.modules.pop("loa_broken_plugin", None)
