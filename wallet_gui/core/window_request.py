"""What the command line asks of the window, as a plain value (no Qt, no argparse).

``wallet_gui.cli`` builds it; ``wallet_gui.app`` acts on it. Kept in the core so the entry
point can build it without importing anything of Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wallet_gui.core.resolve import ConnectionOptions


@dataclass(frozen=True, slots=True)
class WindowRequest:
    """Start the window on the demo, on the options' connection, or on the last profile."""

    demo: bool = False
    demo_offset: float = 0.0
    demo_latency: float = 0.0
    options: ConnectionOptions = field(default_factory=ConnectionOptions)
    #: Qt's own options from the command line (``-style fusion``), for ``QApplication``.
    qt_arguments: tuple[str, ...] = ()
    #: Quit once the first balances reached the window: 0, or 1 after a minute without
    #: (``--exit-after-first-round``, the smoke test of pipx and frozen installs).
    exit_after_first_round: bool = False
    #: The window's language for this run (``--language lt``); ``None``: the saved choice,
    #: else the system's.
    language: str | None = None
    #: Start a window even if one is running for this user and settings file
    #: (``--new-instance``); otherwise a second launch shows the running one and exits.
    new_instance: bool = False

    @property
    def for_a_running_window(self) -> bool:
        """A plain launch, or one naming only a saved profile: a window already running for
        this user takes it over. The demo, ``--new-instance`` and a connection given by its
        options (``--client-id``, ``--base-url``, ``--wallet``…) start a window of their own.
        """
        if self.demo or self.new_instance:
            return False
        return self.options == ConnectionOptions(profile=self.options.profile)
