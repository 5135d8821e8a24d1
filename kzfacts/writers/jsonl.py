"""JSON Lines: one record per line, flushed as each is written."""
from __future__ import annotations

import json
from typing import IO, Any

SUFFIX = ".jsonl"


class JsonLinesWriter:
    suffix = SUFFIX

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, record: dict[str, Any], text: str | None = None) -> None:
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.stream.flush()

    def close(self) -> None:
        pass


def open(stream: IO[str], *, many: bool) -> JsonLinesWriter:  # noqa: A001  (the writer protocol's name)
    return JsonLinesWriter(stream)
