"""Word lists as regex alternations factored by common prefixes.

Python's `re` tries the branches of an alternation one by one at every position: a list of
300 brands or 150 event words costs 300 or 150 failed attempts per word start. Factored into
a trie ('ca(?:re|rdio)...'), the engine rejects a position on its first letter. The stdlib
has no such builder, and the third-party ones (`trieregex`) add a dependency for twenty
lines; hence this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

__all__ = ["trie_pattern"]


def _piece(char: str) -> str:
    return r"[ \t]+" if char == " " else re.escape(char)


def trie_pattern(entries: Iterable[str], piece: Callable[[str], str] = _piece) -> str:
    """A regex alternation of `entries` factored by common prefixes; `piece` turns one
    character into its pattern (by default a space matches spaces and tabs). The longest
    entry wins where one is a prefix of another (greedy optional tails)."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for entry in entries:
        node = tree
        for char in entry:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        parts = []
        ends = False
        for char in sorted(node):
            if char == "":
                ends = True
                continue
            parts.append(piece(char) + emit(node[char]))
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return "(?:" + body + ")?" if ends else body

    return emit(tree)
