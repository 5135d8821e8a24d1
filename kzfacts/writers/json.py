"""JSON: one record for one input, else a JSON array streamed record by record."""
from __future__ import annotations

import json
from typing import IO, Any

SUFFIX = ".json"


class JsonWriter:
    suffix = SUFFIX

    def __init__(self, stream: IO[str], many: bool) -> None:
        self.stream, self.many, self.count = stream, many, 0

    def write(self, record: dict[str, Any], text: str | None = None) -> None:
        text = json.dumps(record, ensure_ascii=False, indent=2)
        if self.many:
            self.stream.write(("[\n" if self.count == 0 else ",\n") + text)
        else:
            self.stream.write(text + "\n")
        self.count += 1
        self.stream.flush()

    def close(self) -> None:
        if self.many:
            self.stream.write("[]\n" if self.count == 0 else "\n]\n")
            self.stream.flush()


def open(stream: IO[str], *, many: bool) -> JsonWriter:  # noqa: A001  (the writer protocol's name)
    return JsonWriter(stream, many)
