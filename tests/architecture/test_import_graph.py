"""The shape of the package, proven on its real import graph rather than promised in prose.

grimp (import-linter's engine) reads every import statement, including the lazy ones inside
functions, so a cycle hidden behind a function-level import fails here too.
"""

from __future__ import annotations

import graphlib
from pathlib import Path

import grimp

import wallet_gui

PACKAGE_ROOT = Path(wallet_gui.__file__).parent
#: The one module allowed past the size limit: the estimator is cohesive (see docs).
LONG_MODULES_ALLOWED = {"clock/estimator.py"}
MAX_MODULE_LINES = 400


def test_no_import_cycle_between_modules_lazy_imports_included() -> None:
    graph = grimp.build_graph("wallet_gui")
    dependencies = {
        module: {
            imported
            for imported in graph.find_modules_directly_imported_by(module)
            # A package's __init__ importing its own children is not a cycle of code.
            if not imported.startswith(module + ".")
        }
        for module in graph.modules
    }
    sorter = graphlib.TopologicalSorter(dependencies)
    try:
        sorter.prepare()
    except graphlib.CycleError as error:
        raise AssertionError(f"import cycle: {' -> '.join(error.args[1])}") from None


def test_no_module_grows_past_the_size_limit() -> None:
    too_long = {
        str(path.relative_to(PACKAGE_ROOT)): lines
        for path in PACKAGE_ROOT.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert set(too_long) <= LONG_MODULES_ALLOWED, too_long
