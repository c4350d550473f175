"""The layers of veil, lowest first: the one place that says which module may import which.

A module may import modules of its own layer and of the layers below it, never
of a layer above (tests/unit/test_layers.py parses every module with `ast` and
checks every import, including imports inside functions; imports under
`if TYPE_CHECKING:` never run and are not counted). No two modules may import
each other, directly or through others, at run time (no cycles), whatever their
layers.

A module's layer is that of the longest entry below naming it or one of its
parent packages (`veil.policy.profiles` before `veil.policy`); the root package `veil`
(the public API, whose names load lazily) matches only itself. Command-line
modules of a package (`veil.vault.cli`, `veil.dp.ledger_cli`: last part `cli`
or ending in `_cli`) belong to the interfaces layer wherever they live. Every
module must have a layer: a new package is added here, with its place argued in
docs/architecture.md.
"""

from __future__ import annotations

LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    # errors, values and files: what everything else builds on
    ("foundation", (
        "veil._layers", "veil._version", "veil.anchor", "veil.categories", "veil.chain",
        "veil.errors", "veil.io", "veil.records",
    )),
    # what identifiers look like, and generalization hierarchies: data and pure functions
    ("vocabulary", (
        "veil.detect", "veil.hierarchy", "veil.text.measured", "veil.text.spans",
    )),
    # the policy: rules and anonymization targets as validated values
    ("policy", ("veil.policy",)),
    # row-local transforms of one column, the compiled plan; a run's output directory
    # and its manifest (`veil.runs.RunWriter`, used by every command that writes one)
    ("actions", ("veil.actions", "veil.manifest", "veil.plan", "veil.runs")),
    # finding identifiers in columns (scan) and in free text (text); proposing a policy
    # from a scan; the action registry, which includes the text scrubbing action
    ("analysis", (
        "veil.actions.registry", "veil.actions.scrub", "veil.policy.profiles",
        "veil.policy.safe_harbor", "veil.scan", "veil.text",
    )),
    # rendering plain data (report.json, risk and anonymization records) as HTML pages
    ("report", ("veil.report",)),
    # full-dataset work: the engines and what runs on them; the vault and the DP ledger
    ("engines", (
        "veil.anonymize", "veil.dp", "veil.engines", "veil.risk", "veil.vault", "veil.verify",
    )),
    # whole runs: scan -> policy -> engine -> verify -> report -> output directory
    ("pipeline", ("veil.pipeline", "veil.workflow")),
    # what people and programs call: the public API, the command line, the service,
    # synthetic data generators and the test kit
    ("interfaces", (
        "veil", "veil.__main__", "veil.cli", "veil.service", "veil.synth", "veil.testing",
    )),
)

ROOT = "veil"


def is_cli(module: str) -> bool:
    """A command-line module of a package: `veil.vault.cli`, `veil.dp.ledger_cli`."""
    last = module.rpartition(".")[2]
    return last == "cli" or last.endswith("_cli")


def layer_of(module: str) -> int | None:
    """The layer (its index in LAYERS) of a module, None when no entry names it."""
    if module != ROOT and is_cli(module):
        return len(LAYERS) - 1
    best: tuple[int, int] | None = None  # (length of the entry, layer)
    for index, (_name, entries) in enumerate(LAYERS):
        for entry in entries:
            named = module == entry or (entry != ROOT and module.startswith(entry + "."))
            if named and (best is None or len(entry) > best[0]):
                best = (len(entry), index)
    return None if best is None else best[1]


def layer_name(index: int) -> str:
    """The name of layer `index`."""
    return LAYERS[index][0]
