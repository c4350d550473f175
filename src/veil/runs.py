"""One writer for every command that writes an output directory.

`veil apply`/`deidentify`, `anonymize`, `recode`, `dp` and `vault statement` all
make a directory the same way: files are written into a temporary directory
beside the target, each listed in the order written; the manifest (versions,
times, the input's and every listed file's SHA-256) is written last and
validated through `veil.records.ManifestRecord`; the directory then replaces
the target in one rename. If anything fails, the temporary directory is removed
and the target is left as it was: nothing half-written is ever visible.

    with RunWriter(outdir, overwrite=overwrite) as run:
        data_file = run.path("visits.parquet")          # an engine writes it
        engine.write(table, plan, WriteOptions(data_file, fmt))
        run.add(*part_files(data_file))                  # list it for the manifest
        run.write_json("report.json", report)            # written and listed
        run.write_text("report.html", render_html(report))
        run.write_manifest(command="apply", input_path=source, policy_sha256=digest,
                           parameters={...})
"""

from __future__ import annotations

import datetime as dt
import json
from contextlib import ExitStack
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from veil.errors import InternalError
from veil.io.write import atomic_directory
from veil.manifest import build_manifest
from veil.records import ManifestRecord

MANIFEST = "manifest.json"


class RunWriter:
    """An output directory being written: staged, listed, manifested, then moved into place.

    Use it as a context manager; `staging` (and `path`, `add`, the writers) only
    inside the `with` block. `started` is when the run began (for the manifest;
    default: when the writer was made).
    """

    def __init__(self, outdir: Path, *, overwrite: bool = False,
                 started: dt.datetime | None = None) -> None:
        self.outdir = Path(outdir)
        self.overwrite = overwrite
        self.started = started or dt.datetime.now(dt.UTC)
        self.outputs: list[Path] = []
        self._staging: Path | None = None
        self._stack = ExitStack()

    def __enter__(self) -> Self:
        self._staging = self._stack.enter_context(
            atomic_directory(self.outdir, overwrite=self.overwrite))
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self._staging = None
        self._stack.__exit__(kind, error, traceback)  # renames on success, removes on error

    @property
    def staging(self) -> Path:
        """The temporary directory that becomes `outdir` when the block ends without error."""
        if self._staging is None:
            raise InternalError("a RunWriter is used outside its with block")
        return self._staging

    def path(self, name: str) -> Path:
        """Where a file (or a directory of part files) named `name` is written; not listed."""
        return self.staging / name

    def add(self, *paths: Path) -> None:
        """List files written by others (an engine's data file or parts) for the manifest."""
        for path in paths:
            if not path.is_relative_to(self.staging):
                raise InternalError("a run output lies outside its staging directory")
            self.outputs.append(path)

    def write_text(self, name: str, text: str) -> Path:
        """Write `text` (UTF-8) as `name` and list it."""
        path = self.path(name)
        path.write_text(text, encoding="utf-8")
        self.add(path)
        return path

    def write_json(self, name: str, data: Any, *, ascii_only: bool = False) -> Path:
        """Write `data` as indented JSON (a final newline; `default=str`) and list it."""
        return self.write_text(
            name, json.dumps(data, indent=2, ensure_ascii=ascii_only, default=str) + "\n")

    def write_manifest(self, *, command: str, input_path: Path | None,
                       policy_sha256: str | None, parameters: dict[str, Any],
                       input_sha256: str | None = None,
                       ascii_only: bool = False) -> dict[str, Any]:
        """Write manifest.json over every listed file, in the order listed (validated by
        `ManifestRecord`; not listed in itself), and return it."""
        manifest = build_manifest(
            command=command, input_path=input_path, outputs=list(self.outputs),
            output_root=self.staging,
            policy_sha256=policy_sha256, parameters=parameters, started_at=self.started,
            finished_at=dt.datetime.now(dt.UTC), input_sha256=input_sha256)
        self.path(MANIFEST).write_text(
            ManifestRecord.model_validate(manifest).to_json(ascii_only=ascii_only),
            encoding="utf-8")
        return manifest
