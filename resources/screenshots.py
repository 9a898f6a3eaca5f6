"""Render every state of the window and its dialogs into docs/screenshots/, light and dark.

Why: the window is looked at on machines without a display, so each state a user meets —
the monitor with a failing wallet, no wallets yet, the error window, the profile manager,
the Connect dialog, the export dialog, About, the first-run screen, the History,
Transactions and Events tabs — is rendered offscreen from the real widgets, fed with
fixed states, in a light and a dark palette; the main ones also in Lithuanian and Russian
(``*-lt-*``, ``*-ru-*``). Look at every one after a change to the window.

Usage:
    python resources/screenshots.py                  # docs/screenshots/*.png
    python resources/screenshots.py -o /tmp/shots    # elsewhere
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

# Qt aborts (rather than raising) without a platform, so choose one before importing it.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "resources"):
    if str(folder) not in sys.path:  # run from a checkout without installing the package
        sys.path.insert(0, str(folder))

from PySide6.QtCore import QCoreApplication  # noqa: E402  (after the platform choice)
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget  # noqa: E402
from screenshot import DemoPoller, feed  # noqa: E402
from screenshot_history import PROFILE, fill_history, live_alert, statements  # noqa: E402

from wallet_gui.api.errors import TransportError  # noqa: E402
from wallet_gui.core.connection import ConnectionSettings  # noqa: E402
from wallet_gui.core.reports import ErrorReport  # noqa: E402
from wallet_gui.ui.about_dialog import AboutDialog  # noqa: E402
from wallet_gui.ui.credentials_dialog import CredentialsDialog  # noqa: E402
from wallet_gui.ui.error_presenter import ErrorPresenter  # noqa: E402
from wallet_gui.ui.export_dialog import ExportDialog  # noqa: E402
from wallet_gui.ui.first_run import FirstRunWidget  # noqa: E402
from wallet_gui.ui.i18n import install_translators  # noqa: E402
from wallet_gui.ui.main_window import MainWindow  # noqa: E402
from wallet_gui.ui.profile_manager import ProfileManagerDialog  # noqa: E402

DEFAULT_FOLDER = ROOT / "docs" / "screenshots"
PROFILES = ["office", "shop", "demo copy"]


def dark_palette() -> QPalette:
    """A plain dark palette, the kind a desktop's dark scheme gives Qt."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f1f1f",
        QPalette.ColorRole.AlternateBase: "#292929",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8c8c8c",
        QPalette.ColorRole.Link: "#7aa7ff",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


def settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def save(widget: QWidget, path: Path) -> None:
    settle()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path}")  # noqa: T201  (a command-line script reports what it wrote)


def monitor_window(
    wallets: tuple[str, ...] = ("14471", "20002", "30003"), *, tab: str = "balances"
) -> MainWindow:
    poller = DemoPoller()
    poller.settings = ConnectionSettings(profile="shop", wallet_ids=wallets)  # type: ignore[attr-defined]
    now = time.time()
    store = fill_history(Path(os.environ["XDG_DATA_HOME"]) / f"{time.monotonic_ns()}.db", now)
    window = MainWindow(poller, title_suffix="shop", history=store, profile=PROFILE)
    window.destroyed.connect(store.close)
    window.resize(1100, 720)
    window.show()
    if wallets:
        feed(poller, now)
        window.statements_panel.set_statements("14471", statements(now - 900), True, "cursor")
        window.statements_panel.set_statements("14471", statements(now)[:2], True, "cursor")
        window.events_panel.set_events(store.events(PROFILE))
        window.events_panel.add_event(live_alert(now))
    panels = {
        "balances": window.balances_panel,
        "history": window.history_panel,
        "transactions": window.statements_panel,
        "events": window.events_panel,
    }
    if tab:  # not the tab an earlier state left in the settings
        window.findChild(QTabWidget, "dataTabs").setCurrentWidget(panels[tab])  # type: ignore[union-attr]
        if tab == "history":
            window.history_panel.set_series(("balance", "14471", "EUR"))
            window.history_panel.set_range("7d")
    return window


def states() -> dict[str, Callable[[], QWidget]]:
    """Each state's name and how to build it (built only when it is rendered)."""

    def error_window() -> QWidget:
        window = monitor_window()
        presenter = ErrorPresenter(window, show_dialogs=True)
        presenter.attach(window, window.status_line.problems_indicator)
        for report in (
            ErrorReport(
                context="Balance of wallet 20002",
                kind="api",
                message="forbidden (HTTP 403): No rights for this wallet",
                code="forbidden",
                status=403,
                description="No rights for this wallet",
                uri="https://developers.paysera.com/en/wallet/",
                correlation_id="c0ffee-42",
            ),
            ErrorReport.from_exception(
                TransportError(
                    template="connection to {0} was reset",  # as error_mapping raises it
                    args=("wallet.paysera.com:443",),
                    kind="connection",
                ),
                "Clock measurement (GET /server)",
            ),
        ):
            presenter.present(report)
        presenter.show_window()
        (dialog,) = presenter.open_dialogs()
        return dialog

    def connect_dialog() -> QWidget:
        settings = ConnectionSettings(profile="shop", client_id="wkVd93h2uS", wallet_ids=("14471",))
        dialog = CredentialsDialog(
            None,
            settings=settings,
            has_stored_secret=True,
            keyring_available=True,
            keyring_message="",
        )
        dialog.show()
        return dialog

    def profile_manager() -> QWidget:
        dialog = ProfileManagerDialog(None, profiles=PROFILES, current="shop")
        dialog.show()
        return dialog

    def about() -> QWidget:
        dialog = AboutDialog(None)
        dialog.show()
        return dialog

    def export_dialog() -> QWidget:
        # Nothing is read until Export is pressed: the path need not exist.
        dialog = ExportDialog(Path("history.sqlite3"), "shop", None)
        dialog.show()
        return dialog

    def first_run() -> QWidget:
        widget = FirstRunWidget(profiles=PROFILES)
        widget.show()
        return widget

    return {
        "monitor": monitor_window,
        "no-wallets": lambda: monitor_window(()),
        "history": lambda: monitor_window(tab="history"),
        "transactions": lambda: monitor_window(tab="transactions"),
        "events": lambda: monitor_window(tab="events"),
        "error-window": error_window,
        "profile-manager": profile_manager,
        "connect-dialog": connect_dialog,
        "export-dialog": export_dialog,
        "about": about,
        "first-run": first_run,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_FOLDER)
    args = parser.parse_args(argv)
    args.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as settings_dir:
        # Keep the user's saved window state out of the pictures, and ours out of theirs.
        os.environ["XDG_CONFIG_HOME"] = settings_dir
        os.environ["XDG_DATA_HOME"] = settings_dir
        existing = QApplication.instance()
        app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
        light = app.palette()
        # Every state in English; the main states again in Lithuanian and Russian.
        translated = ("monitor", "transactions", "history", "connect-dialog", "error-window")
        for language in ("en", "lt", "ru"):
            install_translators(app, language)
            for scheme, palette in (("light", light), ("dark", dark_palette())):
                app.setPalette(palette)
                for name, build in states().items():
                    if language != "en" and name not in translated:
                        continue
                    suffix = "" if language == "en" else f"-{language}"
                    widget = build()
                    save(widget, args.output / f"{name}{suffix}-{scheme}.png")
                    for window in app.topLevelWidgets():
                        window.close()
                    settle()
        install_translators(app, "en")
    return 0


if __name__ == "__main__":
    sys.exit(main())
