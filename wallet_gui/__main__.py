"""``python -m wallet_gui``: the same as the ``wallet-gui`` command."""

from wallet_gui.cli import main

raise SystemExit(main())
