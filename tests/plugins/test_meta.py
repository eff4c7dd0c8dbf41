"""Meta-tests: every hook is documented with its exact signature, and tested by name."""

from __future__ import annotations

import ast
import inspect
import re
import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from compagnonnage.plugins import get_plugin_manager, hookspecs

ROOT = Path(__file__).resolve().parents[2]
HOOKS: dict[str, Callable[..., object]] = {
    name: fn for name, fn in vars(hookspecs).items() if name.startswith("compagnonnage_")
}


def _signature(fn: Callable[..., object]) -> str:
    sig = inspect.signature(fn)
    params = ", ".join(f"{p.name}: {p.annotation}" for p in sig.parameters.values())
    return f"def {fn.__name__}({params}) -> {sig.return_annotation}:"


def test_there_are_hooks_for_every_contribution_of_domain_md() -> None:
    assert set(HOOKS) == {
        "compagnonnage_register_trades",
        "compagnonnage_register_regions",
        "compagnonnage_register_modules",
        "compagnonnage_register_catalogues",
        "compagnonnage_register_rules",
        "compagnonnage_recommend_support",
        "compagnonnage_stage_changed",
    }


@pytest.mark.parametrize("hook", sorted(HOOKS))
def test_every_hook_is_documented_with_its_exact_signature(hook: str) -> None:
    doc = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    assert f"\n### {hook}\n" in doc, f"docs/hooks.md has no section for {hook}"
    section = doc.split(f"\n### {hook}\n", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    assert _signature(HOOKS[hook]) in section
    assert "Used by" in section or "None of the three reference plugins" in section


def test_docs_document_no_hook_that_does_not_exist() -> None:
    doc = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    assert set(re.findall(r"^### (\w+)$", doc, flags=re.MULTILINE)) == set(HOOKS)


@pytest.mark.parametrize("hook", sorted(HOOKS))
def test_every_hookspec_says_when_it_is_called_and_what_each_parameter_is(hook: str) -> None:
    doc = inspect.getdoc(HOOKS[hook]) or ""
    assert "Called" in doc
    for name in inspect.signature(HOOKS[hook]).parameters:
        assert f":param {name}:" in doc
    assert ":returns:" in doc


def _test_names() -> set[str]:
    names: set[str] = set()
    for path in Path(__file__).parent.glob("test_*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= {
            node.name
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
        }
    return names


@pytest.mark.parametrize("hook", sorted(HOOKS))
def test_every_hook_has_a_test_named_after_it(hook: str) -> None:
    assert any(hook in name for name in _test_names()), f"no test named after {hook}"


def test_the_examples_of_the_hook_reference_make_a_working_plugin() -> None:
    doc = (ROOT / "docs" / "hooks.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", doc, flags=re.DOTALL)
    examples = [b for b in blocks if not re.fullmatch(r"def \w+\(.*\) -> .*:\n", b)]
    plugin = types.ModuleType("hooks_md_examples")
    for block in examples:
        exec(compile(block, "docs/hooks.md", "exec"), plugin.__dict__)
    pm = get_plugin_manager(entry_points=False, plugins=[plugin], strict=True)
    (info,) = [i for i in pm.list_plugins() if i.name == "hooks_md_examples"]
    assert set(info.hooks) == set(HOOKS)
    assert dict(info.registered) == {
        "catalogue": ("demo-services",),
        "module": ("demo-hygiene",),
        "nomenclature": ("demo",),
        "region": ("TG",),
        "rule": ("DEMO-001",),
    }


def test_the_tutorial_plugin_and_its_tests_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Install the tutorial's plugin as a distribution, then run the tutorial's tests."""
    doc = (ROOT / "docs" / "plugin-tutorial.md").read_text(encoding="utf-8")
    blocks = {
        b.split("\n", 1)[0]: b
        for b in re.findall(r"```python\n(.*?)```", doc, flags=re.DOTALL)
        if b.startswith("# ")
    }
    (tmp_path / "compagnonnage_hairdressing.py").write_text(
        blocks["# src/compagnonnage_hairdressing/__init__.py"], encoding="utf-8"
    )
    info = tmp_path / "compagnonnage_hairdressing-0.1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: compagnonnage-hairdressing\nVersion: 0.1.0\n",
        encoding="utf-8",
    )
    entry_points = re.search(r"(\[project\.entry-points\.compagnonnage\]\n.*)\n", doc)
    assert entry_points is not None
    (info / "entry_points.txt").write_text(
        entry_points[1].replace("project.entry-points.", "").replace('"', ""), encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "compagnonnage_hairdressing", raising=False)
    tests: dict[str, Any] = {}
    exec(compile(blocks["# tests/test_hairdressing.py"], "tutorial", "exec"), tests)
    names = [n for n in tests if n.startswith("test_")]
    assert names == [
        "test_compagnonnage_register_modules_offers_the_module_for_salons",
        "test_compagnonnage_recommend_support_proposes_the_training",
    ]
    for name in names:
        tests[name]()
    (plugin,) = [i for i in tests["manager"]().list_plugins() if i.name == "hairdressing"]
    assert (plugin.distribution, plugin.version) == ("compagnonnage-hairdressing", "0.1.0")
    monkeypatch.delitem(sys.modules, "compagnonnage_hairdressing")
