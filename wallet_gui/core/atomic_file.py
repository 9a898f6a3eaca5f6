"""Writing a file all at once or not at all, so a reader never sees half of it.

The text goes to a temporary file beside the target (same folder, so the final rename
never crosses file systems), which is flushed to the disk and only then renamed over the
target. A failure, or a stop, at any point removes the temporary file and leaves the
target as it was: an older file of the same name survives a failed write.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, TypeVar

T = TypeVar("T")

#: The temporary file's name: ``.<target name>.<random>.part``, hidden on Unix.
TEMPORARY_SUFFIX = ".part"


def write_atomically(path: Path, write: Callable[[TextIO], T]) -> T:
    """Run ``write`` on a temporary file beside ``path``, then put it in ``path``'s place.

    Returns what ``write`` returned. The file is UTF-8 with ``newline=""`` (what the ``csv``
    module wants). On any failure, including ``KeyboardInterrupt`` or an exception ``write``
    raises to stop, the temporary file is removed, ``path`` is left as it was and the
    exception goes on to the caller.
    """
    handle, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=TEMPORARY_SUFFIX, dir=path.parent
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            result = write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return result


__all__ = ["TEMPORARY_SUFFIX", "write_atomically"]
