"""Qt's own command-line options (``-style fusion``, ``-reverse``, …), split from ours.

Every Qt program accepts a set of single-dash options that ``QApplication`` reads itself
(see Qt's QApplication and QGuiApplication documentation). argparse would reject them as
unknown, so the window's command line is split before argparse sees it: Qt's options go to
``QApplication``, the rest to our parser. Our own options are the double-dash ones
(``--style``-like spellings stay ours even though Qt would accept them too), and ``--`` ends
the splitting. ``-opt=value`` is accepted for every option that takes a value and handed to
Qt in the form it reads (Qt takes ``=`` only for ``-style``, ``-stylesheet`` and
``-qmljsdebugger``).

Kept free of Qt so that the entry point can split the command line without loading Qt, and
so that the rules are trivial to test.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

#: Options that take a value: ``-style fusion`` or ``-style=fusion``.
VALUE_OPTIONS: Final = frozenset(
    {
        "style",
        "stylesheet",
        "platform",
        "platformpluginpath",
        "platformtheme",
        "plugin",
        "qwindowgeometry",
        "qwindowicon",
        "qwindowtitle",
        "session",
        "display",  # X11 (xcb)
        "geometry",  # X11 (xcb)
        "title",  # X11 (xcb)
        "icon",  # X11 (xcb)
        "name",  # X11 (xcb)
        "dialogs",  # Windows
        "fontengine",  # Windows
        "qmljsdebugger",
    }
)
#: Options that are switches: ``-reverse``.
FLAG_OPTIONS: Final = frozenset({"reverse", "widgetcount", "nograb", "dograb", "sync"})
#: Qt reads these only as ``-opt=value``; the rest only (or also) as ``-opt value``.
_EQUALS_ONLY: Final = frozenset({"qmljsdebugger", "dialogs", "fontengine"})


class QtArgumentError(ValueError):
    """A Qt option without its value, e.g. ``-style`` as the last argument."""


@dataclass(frozen=True, slots=True)
class SplitArguments:
    """The command line in two: Qt's options (ready for ``QApplication``) and ours."""

    qt: tuple[str, ...]
    ours: tuple[str, ...]


def chosen_platform(qt_arguments: tuple[str, ...]) -> str | None:
    """The ``-platform`` in split Qt options (the last one wins, as in Qt), or ``None``."""
    chosen: str | None = None
    for index, argument in enumerate(qt_arguments[:-1]):
        if argument == "-platform":
            chosen = qt_arguments[index + 1]
    return chosen


def _qt_option(argument: str) -> tuple[str, str | None] | None:
    """``("style", "fusion")`` for ``-style=fusion``, ``("style", None)`` for ``-style``;
    ``None`` when the argument is not one of Qt's options."""
    if not argument.startswith("-") or argument.startswith("--"):
        return None
    name, equals, value = argument[1:].partition("=")
    if name in VALUE_OPTIONS:
        return name, value if equals else None
    if name in FLAG_OPTIONS and not equals:
        return name, None
    return None


def _for_qt(name: str, value: str) -> list[str]:
    return [f"-{name}={value}"] if name in _EQUALS_ONLY else [f"-{name}", value]


def split_qt_arguments(arguments: list[str] | tuple[str, ...]) -> SplitArguments:
    """Take Qt's options out of ``arguments`` (without the program name).

    The value of a value option is the next argument whatever it looks like, as in Qt:
    ``-qwindowtitle --demo`` titles the window "--demo". Raises ``QtArgumentError`` for a
    value option at the very end or with an empty value.
    """
    qt: list[str] = []
    ours: list[str] = []
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        index += 1
        if argument == "--":
            ours.extend(arguments[index - 1 :])
            break
        option = _qt_option(argument)
        if option is None:
            ours.append(argument)
            continue
        name, value = option
        if name in FLAG_OPTIONS:
            qt.append(f"-{name}")
            continue
        if value is None:
            if index >= len(arguments):
                raise QtArgumentError(f"Qt's option -{name} needs a value")
            value = arguments[index]
            index += 1
        if not value:
            raise QtArgumentError(f"Qt's option -{name} needs a value")
        qt.extend(_for_qt(name, value))
    return SplitArguments(qt=tuple(qt), ours=tuple(ours))


__all__ = [
    "FLAG_OPTIONS",
    "VALUE_OPTIONS",
    "QtArgumentError",
    "SplitArguments",
    "chosen_platform",
    "split_qt_arguments",
]
