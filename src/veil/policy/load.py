"""Load a policy from YAML, with errors that name the file and line.

PyYAML builds a node tree with positions; pydantic validates the plain data;
each validation error's location path is walked back through the node tree to
the line it came from. Duplicate keys, which YAML parsers silently collapse,
are an error here: a policy that lists a column twice is ambiguous.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from veil.errors import PolicyError, VeilError
from veil.io.hashing import sha256_text
from veil.policy.expert import BUILDERS, Expert
from veil.policy.models import ACTION_NAMES, Policy

_MAX_POLICY_BYTES = 4 * 1024 * 1024
_UNION_TAGS = frozenset((*ACTION_NAMES, "file", *BUILDERS))


def load_policy(path: Path) -> Policy:
    """Parse and validate the policy file at `path`."""
    return parse_policy(read_yaml_text(path, "policy", PolicyError), source=str(Path(path)))


def read_yaml_text(path: Path, what: str, error: type[VeilError]) -> str:
    """The UTF-8 text of a small YAML file (a policy, a release spec), or one-line `error`."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise error(f"{path}: cannot read the {what} ({err.strerror})") from None
    if len(raw) > _MAX_POLICY_BYTES:
        raise error(f"{path}: the {what} is larger than 4 MiB; is it the right file?")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise error(f"{path}: the {what} is not UTF-8 text") from None


def policy_hash(text: str) -> str:
    return sha256_text(text)


def parse_policy(text: str, *, source: str = "<policy>") -> Policy:
    """Parse policy YAML text; `source` names it in errors."""
    return parse_yaml_model(
        text, Policy, source=source, error=PolicyError,
        empty_hint="run `veil init` to write one",
        shape="expected a mapping with 'profile' and 'columns'",
        hint="see docs/policy.md for the actions and their options",
        union_tags=_UNION_TAGS,
        tag_message=f"unknown or missing action; expected one of {', '.join(ACTION_NAMES)}")


M = TypeVar("M", bound=BaseModel)


def parse_yaml_model(text: str, model: type[M], *, source: str, error: type[VeilError],
                     empty_hint: str, shape: str, hint: str,
                     union_tags: frozenset[str] = frozenset(),
                     tag_message: str = "unknown or missing kind") -> M:
    """Validate YAML text as `model`; every failure is one `error` naming `source` and line.

    `union_tags` are the tags pydantic puts in a discriminated union's error
    locations (they name no YAML key and are dropped from the reported path).
    """
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "somewhere"
        problem = getattr(err, "problem", None) or "invalid YAML"
        raise error(f"{source}: {where}: {problem}",
                    hint="check indentation and quoting; it is a YAML mapping") from None
    if node is None:
        raise error(f"{source}: the file is empty", hint=empty_hint)
    _reject_duplicate_keys(node, source, error)
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise error(f"{source}: line 1: {shape}")
    try:
        return model.model_validate(data)
    except ValidationError as err:
        raise _explain(err, node, source, error, hint, union_tags, tag_message) from None


def _reject_duplicate_keys(node: yaml.Node, source: str, error: type[VeilError]) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[Any] = set()
        for key, value in node.value:
            if key.value in seen:
                raise error(
                    f"{source}: line {key.start_mark.line + 1}: key {key.value!r} appears twice",
                    hint="list each column and setting once",
                )
            seen.add(key.value)
            _reject_duplicate_keys(value, source, error)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _reject_duplicate_keys(item, source, error)


def _explain(err: ValidationError, root: yaml.Node, source: str, error: type[VeilError],
             hint: str, union_tags: frozenset[str], tag_message: str) -> VeilError:
    first = err.errors()[0]
    loc = _without_union_tags(root, first["loc"], union_tags)
    line = _line_of(root, loc)
    path = ".".join(str(part) for part in loc) or "(top level)"
    kind = first["type"]
    if kind == "union_tag_invalid" or kind == "union_tag_not_found":
        message = tag_message
    elif kind == "extra_forbidden":
        message = f"unknown option {loc[-1]!r}" if loc else "unknown option"
    elif kind == "missing":
        message = "required field is missing"
    else:
        message = first["msg"].removeprefix("Value error, ")
    return error(f"{source}: line {line}: {path}: {message}", hint=hint)




def _without_union_tags(root: yaml.Node, loc: tuple[int | str, ...],
                        union_tags: frozenset[str]) -> list[int | str]:
    """`loc` without the tags pydantic inserts for a discriminated union's member (a rule's
    action, an expert hierarchy's builder): a tag is a part that names no key of the YAML
    mapping it is in, so a column named like an action (`age`, `drop`) keeps its name."""
    kept: list[int | str] = []
    node: yaml.Node | None = root
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((value for key, value in node.value if key.value == str(part)), None)
        elif (isinstance(node, yaml.SequenceNode) and isinstance(part, int)
              and 0 <= part < len(node.value)):
            child = node.value[part]
        if child is None and isinstance(part, str) and part in union_tags:
            continue
        kept.append(part)
        node = child
    return kept


def load_expert(path: Path) -> tuple[Expert, str]:
    """The expert section of the policy at `path`, and the policy's text (for its hash)."""
    policy = load_policy(path)
    if policy.expert is None:
        raise PolicyError(f"{path}: the policy has no 'expert' section, which veil anonymize "
                          "needs", hint="add one (see docs/commands.md, veil anonymize) or give "
                                        "the targets as options (--qi, --k ...)")
    return policy.expert, Path(path).read_text(encoding="utf-8")


def _line_of(node: yaml.Node, loc: list[int | str]) -> int:
    """The 1-based line of the deepest node on `loc` that exists."""
    line = node.start_mark.line + 1
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == str(part):
                    child, line = value, key.start_mark.line + 1
                    break
        elif (isinstance(node, yaml.SequenceNode) and isinstance(part, int)
              and 0 <= part < len(node.value)):
            child = node.value[part]
            line = child.start_mark.line + 1
        if child is None:
            break
        node = child
    return line
