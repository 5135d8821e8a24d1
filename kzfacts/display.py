"""Text from an input, made safe to show on a terminal: every string kzfacts did not write itself
(article text, quotes, names, titles, ids, file names, URLs, messages that embed them) goes through
here before it reaches stdout's tables or stderr.

Two dangers: Rich reads `[...]` in a plain string as markup (`[/]` raises MarkupError, `[the
government]` vanishes), and control characters reach the terminal as commands (ESC [2J clears the
screen, ESC ] 0; sets the window title, ESC ] 8; makes a link, U+202E reverses what follows). So a
string becomes a `rich.text.Text` (never parsed as markup) and each control character a visible
stand-in: C0 and DEL in caret notation as `cat -v` shows them (ESC is `^[`, BEL `^G`, DEL `^?`),
C1 controls and bidirectional overrides and isolates as `<U+XXXX>`. Tab and line feed stay; CR LF
is a line end. The JSON, CSV and HTML outputs are left as they are: they are data, not display.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

_CARET = {c: f"^{chr(c ^ 0x40)}" for c in (*range(0x20), 0x7F) if c not in (0x09, 0x0A)}
_CODEPOINT = {c: f"<U+{c:04X}>" for c in (*range(0x80, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_STAND_INS = str.maketrans(_CARET | _CODEPOINT)
_ONE_LINE = str.maketrans(_CARET | _CODEPOINT | {0x0A: "^J"})


def visible(value: object, *, one_line: bool = False) -> str:
    """`value` as a string whose control characters are visible stand-ins (see the module's
    docstring); with `one_line`, line feeds too, so a message stays one line whatever it names."""
    text = str(value).replace("\r\n", "\n")
    return text.translate(_ONE_LINE if one_line else _STAND_INS)


def as_text(value: object, style: str = "") -> Text:
    """A Rich `Text` of an input's string: shown as it is written, never read as markup."""
    from rich.text import Text

    return Text(visible(value), style=style)
