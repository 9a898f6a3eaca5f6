"""The English texts of the core and the worker, translated where the window shows them.

An ``ErrorReport`` keeps English in its fields: its ``context`` is also a key (the problem
book reads "Balance of wallet 14471" as the place ``wallet:14471``), and ``check``, "Copy
details" and the logs print it. Its title, its context and the status messages are marked
where they are written (``QT_TRANSLATE_NOOP``) and translated here, when shown. Its message
(and a description of our own words) comes with the error's marked English template and
parts: ``report_message`` translates the template and fills in the same parts. Anything
unmarked, such as text from the server, is shown as it came.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from wallet_gui.api.errors import WalletError, one_line
from wallet_gui.api.translatable import Phrase
from wallet_gui.core.reports import ErrorReport
from wallet_gui.core.translatable import QT_TRANSLATE_NOOP

#: The fixed contexts, written in English where the request is made (the worker, the app's
#: profile flows) and marked here for translation: ``tests/ui/test_translations.py`` checks
#: that each is still written somewhere in the package.
KNOWN_CONTEXTS = (
    QT_TRANSLATE_NOOP("RequestContext", "Setting up the connection"),
    QT_TRANSLATE_NOOP("RequestContext", "Clock measurement (GET /server)"),
    QT_TRANSLATE_NOOP("RequestContext", "Configuration (GET /configuration)"),
    QT_TRANSLATE_NOOP("RequestContext", "Balances"),
    QT_TRANSLATE_NOOP("RequestContext", "Transactions"),
    QT_TRANSLATE_NOOP("RequestContext", "The app itself"),
    QT_TRANSLATE_NOOP("RequestContext", "The profiles file could not be read"),
    QT_TRANSLATE_NOOP("RequestContext", "The profiles file could not be written"),
    QT_TRANSLATE_NOOP("RequestContext", "The profile could not be read"),
    QT_TRANSLATE_NOOP("RequestContext", "Cannot open the profile"),
    QT_TRANSLATE_NOOP("RequestContext", "The profile was not saved"),
    QT_TRANSLATE_NOOP("RequestContext", "The secret was not stored"),
    QT_TRANSLATE_NOOP("RequestContext", "The keyring entry could not be moved"),
    QT_TRANSLATE_NOOP("RequestContext", "The secret could not be removed from the keyring"),
    QT_TRANSLATE_NOOP("RequestContext", "The profile could not be deleted"),
    QT_TRANSLATE_NOOP("RequestContext", "The copy was not saved"),
    QT_TRANSLATE_NOOP("RequestContext", "History database"),
    QT_TRANSLATE_NOOP("RequestContext", "The profile's alert rules could not be read"),
)
#: The worker's own status messages (the policy marks its own where it writes them).
KNOWN_STATUS_MESSAGES = (
    QT_TRANSLATE_NOOP("PollStatus", "Measuring the clock and reading the configuration…"),
)
#: Contexts made of a fixed start and a wallet id, and how the window says them.
_WALLET_CONTEXTS = (
    ("Balance of wallet ", QT_TRANSLATE_NOOP("RequestContext", "Balance of wallet {0}")),
    ("Transactions of wallet ", QT_TRANSLATE_NOOP("RequestContext", "Transactions of wallet {0}")),
)
#: The longest translated message shown (as ``WalletError`` cuts the English one).
_MAX_MESSAGE_CHARS = 600


def report_title(report: ErrorReport) -> str:
    """The report's title ("The Wallet API could not be reached") in the window's language."""
    return QCoreApplication.translate("ErrorReport", report.title)


def request_context(context: str) -> str:
    """What was being done ("Balance of wallet 14471", "Balances") in the window's language."""
    for start, template in _WALLET_CONTEXTS:
        if context.startswith(start):
            wallet = context[len(start) :]
            return QCoreApplication.translate("RequestContext", template).format(wallet)
    return QCoreApplication.translate("RequestContext", context)


def _filled(template: str, args: tuple[object, ...], english: str) -> str:
    """``template`` in the window's language with ``args`` filled in (each of our own phrases
    among them translated too); ``english`` if the translation does not fit the parts."""
    parts = tuple(
        QCoreApplication.translate("WalletError", part) if isinstance(part, Phrase) else part
        for part in args
    )
    try:
        text = QCoreApplication.translate("WalletError", template).format(*parts)
    except (IndexError, KeyError, ValueError):  # a broken translation: say the English
        return english
    return one_line(text, max(_MAX_MESSAGE_CHARS, len(english)))


def report_description(report: ErrorReport) -> str | None:
    """The report's description in the window's language when it is our own words (an error
    answer that was no API error object); the server's description exactly as it came."""
    if report.description_template is None or report.description is None:
        return report.description
    return _filled(report.description_template, report.description_args, report.description)


def report_message(report: ErrorReport) -> str:
    """The report's one-line message in the window's language, when the error marked its
    template; otherwise exactly ``report.message`` (the server's words are never translated)."""
    if report.template is not None:
        return _filled(report.template, report.args, report.message)
    if report.code is not None and report.description_template is not None:
        return f"{report.code} (HTTP {report.status}): {report_description(report)}"
    return report.message


def error_message(error: WalletError) -> str:
    """An error's message in the window's language (its English ``str()`` when unmarked)."""
    return report_message(ErrorReport.from_exception(error, ""))


__all__ = [
    "KNOWN_CONTEXTS",
    "KNOWN_STATUS_MESSAGES",
    "error_message",
    "report_description",
    "report_message",
    "report_title",
    "request_context",
]
