"""No import points up a layer, and no modules import each other (veil/_layers.py).

Every module of the package is parsed with `ast`; every `import` and `from ...
import` anywhere in it counts (inside functions too: they run when the function
does), except those under `if TYPE_CHECKING:` (they never run). Importing
`veil.a.b` also runs the package `veil.a` (its `__init__`), so that is an edge
too. A module's own packages are left out (Python runs them before the module,
whatever it imports), and so is the root package `veil` (every module runs it;
it imports only `veil.errors` and `veil._version` when it runs, its public names
load on first use).
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

from veil import _layers

SRC = Path(__file__).parents[2] / "src"


@dataclass(frozen=True, order=True)
class Edge:
    """`source` imports `target` at `line` of its file."""

    source: str
    target: str
    line: int


def modules(root: Path, package: str = "veil") -> dict[str, Path]:
    """Every module of `package` under `root`, by dotted name (packages by their name)."""
    found: dict[str, Path] = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _type_checking_only(tree: ast.AST) -> set[int]:
    """The ids of the nodes under `if TYPE_CHECKING:` (never run)."""
    hidden: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            hidden.update(id(n) for child in node.body for n in ast.walk(child))
    return hidden


def _resolve(name: str, known: Mapping[str, Path]) -> str | None:
    """The module `name` runs: itself, or the nearest package holding it (`pkg.attr`)."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def _encloses(target: str, module: str) -> bool:
    """`target` is `module` or a package holding it: always run before `module` itself."""
    return module == target or module.startswith(target + ".")


def imports(known: Mapping[str, Path], package: str = "veil") -> list[Edge]:
    """Every run-time import edge between the modules of `package`."""
    edges: set[Edge] = set()
    for module, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        hidden = _type_checking_only(tree)
        here = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(tree):
            if id(node) in hidden:
                continue
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = here.split(".")
                    parent = ".".join(parts[:len(parts) - node.level + 1])
                    base = f"{parent}.{base}" if base else parent
                names = [f"{base}.{alias.name}" for alias in node.names]
            for name in names:
                if name != package and not name.startswith(package + "."):
                    continue
                target = _resolve(name, known)
                while target is not None and target != package:  # and the packages it runs
                    if not _encloses(target, module):
                        edges.add(Edge(module, target, node.lineno))
                    target = target.rpartition(".")[0]
    return sorted(edges)


def upward(edges: Iterable[Edge], layer_of: Callable[[str], int | None]) -> list[str]:
    """The imports that point to a higher layer, as readable lines."""
    found = []
    for edge in edges:
        source, target = layer_of(edge.source), layer_of(edge.target)
        if source is not None and target is not None and target > source:
            found.append(f"{edge.source}:{edge.line} ({_layers.layer_name(source)}) imports "
                         f"{edge.target} ({_layers.layer_name(target)})")
    return found


def cycles(edges: Iterable[Edge]) -> list[list[str]]:
    """The groups of modules that import each other (strongly connected, 2 or more)."""
    graph: dict[str, set[str]] = {}
    for edge in edges:
        graph.setdefault(edge.source, set()).add(edge.target)
        graph.setdefault(edge.target, set())
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(start: str) -> None:  # Tarjan, iteratively (no recursion limit)
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups)


@pytest.fixture(scope="module")
def graph() -> tuple[dict[str, Path], list[Edge]]:
    known = modules(SRC)
    return known, imports(known)


def test_every_module_has_a_layer(graph: tuple[dict[str, Path], list[Edge]]) -> None:
    known, _ = graph
    missing = [m for m in known if _layers.layer_of(m) is None]
    assert not missing, f"add these modules to veil/_layers.py: {missing}"


def test_no_import_points_up_a_layer(graph: tuple[dict[str, Path], list[Edge]]) -> None:
    _, edges = graph
    found = upward(edges, _layers.layer_of)
    assert not found, "imports that point up a layer:\n" + "\n".join(found)


def test_no_modules_import_each_other(graph: tuple[dict[str, Path], list[Edge]]) -> None:
    _, edges = graph
    found = cycles(edges)
    assert not found, "import cycles:\n" + "\n".join(" <-> ".join(g) for g in found)


def test_the_graph_is_real(graph: tuple[dict[str, Path], list[Edge]]) -> None:
    """The parser sees imports inside functions and packages run by their modules."""
    _, edges = graph
    pairs = {(e.source, e.target) for e in edges}
    assert ("veil.cli.scan", "veil.pipeline") in pairs  # inside the command function
    assert ("veil.cli.app", "veil.cli.common") in pairs
    assert ("veil.pipeline", "veil.report") in pairs  # the package of veil.report.html


# ---------------------------------------------------------------- the checker checked


def _write(root: Path, files: Mapping[str, str]) -> dict[str, Path]:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return modules(root)


SYNTHETIC = {
    "veil/__init__.py": "",
    "veil/errors.py": "def f():\n    from veil.pipeline import run  # up, inside a function\n",
    "veil/io/__init__.py": "",
    "veil/io/read.py": "from . import write\nfrom veil.errors import E\n",
    "veil/io/write.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                        "    from veil.pipeline import run\n",
    "veil/pipeline.py": "import veil.io.read\nfrom veil.io import write\n",
    "veil/policy/__init__.py": "",
    "veil/policy/a.py": "from veil.policy import b\n",
    "veil/policy/b.py": "from veil.policy.a import x\n",
}


def test_the_checker_finds_an_upward_import_inside_a_function(tmp_path: Path) -> None:
    edges = imports(_write(tmp_path, SYNTHETIC))
    found = upward(edges, _layers.layer_of)
    assert found == ["veil.errors:2 (foundation) imports veil.pipeline (pipeline)"]


def test_the_checker_finds_cycles_and_skips_type_checking(tmp_path: Path) -> None:
    edges = imports(_write(tmp_path, SYNTHETIC))
    pairs = {(e.source, e.target) for e in edges}
    assert ("veil.io.read", "veil.io.write") in pairs  # relative import
    assert ("veil.pipeline", "veil.io") in pairs  # the package it runs
    assert ("veil.io.write", "veil.pipeline") not in pairs  # TYPE_CHECKING only
    assert cycles(edges) == [["veil.errors", "veil.io.read", "veil.pipeline"],
                             ["veil.policy.a", "veil.policy.b"]]
    assert cycles([e for e in edges if e.source != "veil.errors"]) == [
        ["veil.policy.a", "veil.policy.b"]]


def test_layer_lookup() -> None:
    layer = _layers.layer_of
    assert layer("veil.policy") < layer("veil.policy.profiles") == layer("veil.scan")
    assert layer("veil.vault.cli") == layer("veil.dp.ledger_cli") == layer("veil.cli.app")
    assert layer("veil") == len(_layers.LAYERS) - 1
    assert layer("veil.errors") == 0
    assert layer("veilx") is None and layer("os") is None
