"""How the front ends log: one format, quiet by default, and never a secret.

``--verbose`` means DEBUG; otherwise only records at the caller's level reach stderr.
Redaction (``core.redaction``) is added to the handlers this installs as soon as a secret
is known.
"""

from __future__ import annotations

import logging

from wallet_gui.core.redaction import install_redaction


def configure_logging(verbose: bool, *, quiet_level: int = logging.WARNING) -> None:
    """DEBUG with ``verbose``; otherwise only records at ``quiet_level`` and above."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else quiet_level,
        format="%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s",
    )
    if not verbose:
        # urllib3 warns on retries with full URLs; the app reports failures itself.
        logging.getLogger("urllib3").setLevel(logging.ERROR)
    install_redaction()  # escapes server text in every record, before any secret is known
