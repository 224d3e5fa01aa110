"""Engine packages name their entry points and load each on first use."""

from __future__ import annotations

import importlib

import pytest

ENGINES = ["reader.core.text", "reader.core.quotes", "reader.core.actors", "reader.core.align"]


@pytest.mark.parametrize("package", ENGINES)
def test_every_public_name_resolves(package: str) -> None:
    module = importlib.import_module(package)
    for name in module.__all__:
        value = getattr(module, name)
        assert getattr(value, "__name__", name) == name


def test_unknown_name_is_an_attribute_error() -> None:
    module = importlib.import_module("reader.core.quotes")
    with pytest.raises(AttributeError, match="no attribute 'marks_of'"):
        _ = module.marks_of


def test_no_entry_point_shares_a_submodule_name() -> None:
    # A public name equal to a submodule's would make `from package import name` an import
    # of the module for import-linter, and return the module once someone imported it.
    import pkgutil

    for package in ENGINES:
        module = importlib.import_module(package)
        submodules = {info.name for info in pkgutil.iter_modules(module.__path__)}
        assert not submodules & set(module.__all__), package
