"""The public names of `veil` are a tested contract: `__all__` lists them, each resolves
to its home module's object, every error class is among them, and `import veil` stays
cheap (no heavy library is imported until a name is used)."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys

import pytest

import veil
import veil.errors

HEAVY = ("polars", "pyarrow", "numpy", "pydantic", "sqlalchemy", "cryptography", "opendp",
         "matplotlib", "fastapi", "yaml", "faker", "jinja2", "typer", "hypothesis", "pyspark")


def test_all_is_sorted_unique_and_resolves() -> None:
    assert list(veil.__all__) == sorted(set(veil.__all__), key=veil.__all__.index)
    assert len(set(veil.__all__)) == len(veil.__all__)
    for name in veil.__all__:
        assert getattr(veil, name) is not None, name
    assert set(dir(veil)) >= set(veil.__all__)


@pytest.mark.parametrize("name", sorted(veil._LAZY))
def test_lazy_names_are_their_home_objects(name: str) -> None:
    module, attribute = veil._LAZY[name]
    assert name in veil.__all__
    assert getattr(veil, name) is getattr(importlib.import_module(module), attribute)


def test_every_error_class_is_public() -> None:
    errors = {name for name, value in vars(veil.errors).items()
              if inspect.isclass(value) and issubclass(value, Exception)
              and value.__module__ == "veil.errors"}
    assert errors <= set(veil.__all__)


def test_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'deidentfy'"):
        veil.deidentfy  # type: ignore[attr-defined]  # noqa: B018


def test_names_do_not_shadow_subpackages() -> None:
    """A function named like a subpackage (veil.scan) would be replaced by the module as
    soon as the subpackage is imported."""
    import pkgutil

    subpackages = {m.name for m in pkgutil.iter_modules(veil.__path__)}
    assert not subpackages & set(veil.__all__)


def test_import_is_cheap() -> None:
    code = (f"import sys, veil; heavy = {HEAVY!r}; "
            "print(','.join(m for m in heavy if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.strip()
    assert loaded == ""
    code = "import sys, veil; veil.VeilError; veil.__version__; print('polars' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


def test_star_import_gives_all() -> None:
    namespace: dict[str, object] = {}
    exec("from veil import *", namespace)
    assert set(veil.__all__) <= set(namespace)
