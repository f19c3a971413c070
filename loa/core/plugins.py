"""Optional capability modules (commands, URLs, API routers, widgets, demo content) found by name.

A partial checkout still runs: a module that is not installed is skipped. An import error *inside* an
installed module (a missing dependency, a typo) is raised, never mistaken for an absent capability.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from types import ModuleType


def optional_import(name: str) -> ModuleType | None:
    """The module `name`, or None when it or one of its parent packages does not exist."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name and (name == exc.name or name.startswith(f"{exc.name}.")):
            return None
        raise


def optional_modules(names: Iterable[str]) -> Iterator[ModuleType]:
    """The modules among `names` that exist, in order."""
    for name in names:
        module = optional_import(name)
        if module is not None:
            yield module
