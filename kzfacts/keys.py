"""How an input is known wherever its output is stored: its key in a database (`path_key`,
`stdin_key`), the hash that tells two inputs apart in a file name (`short_hash`), and the marker
file of an output folder (`OUTPUT_MARKER`), which folder walks skip. Read by `inputs` and `writers`
alike, so neither imports the other."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

OUTPUT_MARKER = ".kzfacts-output"


def path_key(path: Path) -> str:
    """A file's key in a database: its resolved path, one for every way of typing it (a.txt from
    its folder, ./d/a.txt, the absolute path, a symbolic link to it)."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # a name too long or a link loop: the absolute path is the best there is
        return os.path.abspath(path)


def stdin_key(data: bytes) -> str:
    """Standard input's key in a database: a hash of its content, so two different texts piped in
    are two inputs and the same text piped in again is the same one."""
    return f"stdin:sha256:{hashlib.sha256(data).hexdigest()[:16]}"


def short_hash(key: str) -> str:
    """Eight hex digits that tell two inputs apart in a file name."""
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:8]
