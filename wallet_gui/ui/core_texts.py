"""The English texts of the core and the worker, translated where the window shows them.

An ``ErrorReport`` keeps English in its fields: its ``context`` is also a key (the problem
book reads "Balance of wallet 14471" as the place ``wallet:14471``), and ``check`` and the
logs print it. Its title, its context and the status messages are marked where they are
written (``QT_TRANSLATE_NOOP``) and translated here, when shown; anything unmarked, such as
text from the server or the API layer's error messages, is shown as it came.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

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


__all__ = ["KNOWN_CONTEXTS", "KNOWN_STATUS_MESSAGES", "report_title", "request_context"]
