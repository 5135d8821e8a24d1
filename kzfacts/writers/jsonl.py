"""JSON Lines: one record per line, each written whole (one write) or not at all."""
from __future__ import annotations

import json
from typing import IO, Any

from . import write_whole

SUFFIX = ".jsonl"


class JsonLinesWriter:
    suffix = SUFFIX

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, record: dict[str, Any], text: str | None = None) -> None:
        write_whole(self.stream, json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        pass


def open(stream: IO[str], *, many: bool) -> JsonLinesWriter:  # noqa: A001  (the writer protocol's name)
    return JsonLinesWriter(stream)
