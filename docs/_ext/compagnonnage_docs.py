"""Sphinx directives that generate reference pages from the code itself.

* ``compagnonnage-api``: autodoc of a public namespace, plus its constants and
  aliases, which autodoc skips when they are imported from private modules (their
  docstring is read where they are defined);
* ``compagnonnage-hooks``: every hook of :mod:`compagnonnage.plugins.hookspecs`,
  grouped by the phase comments of that module (``# -- registration phase --``),
  each rendered by autodoc with its ``firstresult`` flag;
* ``compagnonnage-cli``: every command and option of the argument parser;
* ``compagnonnage-rules``: the table of the core rules;
* ``compagnonnage-schema``: the JSON Schema of programme documents.

They emit reStructuredText parsed in place, so the pages stay in step with the code.
A reference to a name through its private module (``compagnonnage.model._body.Body``,
as type hints give it) or by its short name from a docstring is resolved to the
public name documented on the site.
"""

from __future__ import annotations

import argparse
import builtins
import enum
import importlib
import inspect
import json
import os
import pkgutil
import re
import types
from typing import Any
from unittest import mock

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.pycode import ModuleAnalyzer
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

_PHASE = re.compile(r"^# -- (?P<phase>[\w ]+?) phase\b")


def hooks_by_phase() -> list[tuple[str, list[str]]]:
    """``(phase, hook names)`` in the order of ``hookspecs.py``, from its phase comments."""
    from compagnonnage.plugins import hookspecs

    lines = inspect.getsource(hookspecs).splitlines()
    starts = {
        inspect.getsourcelines(fn)[1]: name
        for name, fn in vars(hookspecs).items()
        if name.startswith("compagnonnage_") and callable(fn)
    }
    groups: list[tuple[str, list[str]]] = [("other", [])]
    for number, line in enumerate(lines, 1):
        match = _PHASE.match(line)
        if match:
            groups.append((match["phase"], []))
        if number in starts:
            groups[-1][1].append(starts[number])
    return [(phase, names) for phase, names in groups if names]


class _Generated(SphinxDirective):
    """A directive whose content is reStructuredText made from the code."""

    def rst(self) -> list[str]:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        container = nodes.container()
        content = StringList(self.rst(), source=f"<{self.name}>")
        self.state.nested_parse(content, self.content_offset, container, match_titles=True)
        return list(container.children)


def _attribute_docs(module: types.ModuleType) -> dict[str, list[str]]:
    """The documented module-level names of ``module`` and of its submodules."""
    names = [module.__name__]
    if hasattr(module, "__path__"):
        names += [
            info.name for info in pkgutil.iter_modules(module.__path__, module.__name__ + ".")
        ]
    found: dict[str, list[str]] = {}
    for name in reversed(names):
        analyzer = ModuleAnalyzer.for_module(importlib.import_module(name).__name__)
        found |= {attr: doc for (ns, attr), doc in analyzer.find_attr_docs().items() if not ns}
    return found


class ApiDirective(_Generated):
    """``automodule`` of a namespace with its members, then the constants autodoc skips."""

    required_arguments = 1

    def rst(self) -> list[str]:
        name = self.arguments[0]
        module = importlib.import_module(name)
        out = [f".. automodule:: {name}", "   :members:", "   :undoc-members:"]
        out += ["   :imported-members:", ""]
        own = ModuleAnalyzer.for_module(name).find_attr_docs()
        docs = _attribute_docs(module)
        for member in getattr(module, "__all__", ()):
            value = getattr(module, member)
            if ("", member) in own or inspect.isclass(value) or inspect.isroutine(value):
                continue
            if isinstance(value, types.ModuleType):
                continue
            out.append(f".. py:data:: {member}")
            shown = repr(value)
            if isinstance(value, (int, str)) and len(shown) < 60:
                out.append(f"   :value: {shown}")
            out.append("")
            out += ["   " + line for line in docs.get(member, [])]
            out.append("")
        return out


class HooksDirective(_Generated):
    def rst(self) -> list[str]:
        from compagnonnage.plugins import hookspecs

        out: list[str] = []
        for phase, names in hooks_by_phase():
            title = f"{phase.capitalize()} phase"
            out += [title, "-" * len(title), ""]
            for name in names:
                spec = getattr(getattr(hookspecs, name), f"{hookspecs.PROJECT}_spec", {})
                first = "yes" if spec.get("firstresult") else "no"
                out += [
                    f".. autofunction:: compagnonnage.plugins.hookspecs.{name}",
                    "",
                    f"   **firstresult**: {first}",
                    "",
                ]
        return out


def _option(action: argparse.Action) -> str:
    if action.option_strings:
        names = ", ".join(action.option_strings)
        if action.nargs == 0:
            return names
        metavar = action.metavar or (
            "{" + ",".join(map(str, action.choices)) + "}"
            if action.choices
            else action.dest.upper()
        )
        return f"{names} {metavar}"
    return str(action.metavar or action.dest)


def _described(action: argparse.Action) -> list[str]:
    text = (action.help or "").strip()
    if text and not text.endswith("."):
        text += "."
    if action.choices and not isinstance(action, argparse._SubParsersAction):
        text += " Choices: " + ", ".join(f"``{c}``" for c in action.choices) + "."
    default = action.default
    # --lang defaults to the environment's language, not to the one the site was built in
    shown = default not in (None, False, argparse.SUPPRESS) and action.dest != "lang"
    if shown and action.nargs != 0 and f"default: {default}" not in text:
        text += f" Default: ``{default}``."
    if action.required and action.option_strings:
        text += " Required."
    return [f"``{_option(action)}``", f"   {text.strip() or '—'}", ""]


class CliDirective(_Generated):
    def rst(self) -> list[str]:
        # usage lines wrapped the same way wherever the site is built
        with mock.patch.dict(os.environ, {"COLUMNS": "88"}):
            return self._rst()

    def _rst(self) -> list[str]:
        from compagnonnage.cli._parser import build_parser

        parser = build_parser("en")
        out = [f"``{parser.format_usage().strip().removeprefix('usage: ')}``", ""]
        out += [parser.description or "", ""]
        commands: argparse._SubParsersAction[Any] | None = None
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                commands = action
            else:
                out += _described(action)
        assert commands is not None
        for name, sub in commands.choices.items():
            title = f"compagnonnage {name}"
            out += [title, "-" * len(title), "", sub.description or "", ""]
            out += [
                ".. code-block:: text",
                "",
                "   " + sub.format_usage().strip().removeprefix("usage: "),
                "",
            ]
            for action in sub._actions:
                out += _described(action)
        return out


class RulesDirective(_Generated):
    def rst(self) -> list[str]:
        from compagnonnage.rules import CORE_RULES

        out = [".. list-table::", "   :header-rows: 1", "", "   * - code", "     - severity"]
        out += ["     - rule (English)", "     - règle (français)"]
        for core_rule in CORE_RULES:
            out += [
                f"   * - ``{core_rule.code}``",
                f"     - {core_rule.severity.value}",
                f"     - {core_rule.title('en')}",
                f"     - {core_rule.title('fr')}",
            ]
        return out


class SchemaDirective(_Generated):
    def rst(self) -> list[str]:
        from compagnonnage.documents import json_schema

        text = json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True)
        return [".. code-block:: json", ""] + ["   " + line for line in text.splitlines()]


def _public_name(target: str) -> str:
    """``compagnonnage.model._body.Body`` -> ``compagnonnage.model.Body``."""
    return ".".join(part for part in target.split(".") if not part.startswith("_"))


def resolve_public(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.Element
) -> nodes.Element | None:
    """Resolve a private-module or short name to the one public object of that name."""
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"]
    domain = env.domains["py"]
    objects = domain.objects
    public = _public_name(target)
    if public in objects:
        matches = [public]
    else:
        kinds = set(domain.objtypes_for_role(node["reftype"]) or ())
        matches = [
            name
            for name, entry in objects.items()
            if name.endswith("." + public) and entry.objtype in kinds and not entry.aliased
        ]
        module = node.get("py:module") or ""
        home = _public_name(module) + "."
        if node["reftype"] in {"attr", "meth"}:
            # a member by its short name: only one of the same namespace, never another's
            matches = [name for name in matches if name.startswith(home)]
        elif len(matches) > 1 and module:
            matches = [name for name in matches if name.startswith(home)] or matches
        if len(matches) > 1:
            # a short name means the namespace-level object (Report, not Rule.report)
            shortest = min(name.count(".") for name in matches)
            matches = [name for name in matches if name.count(".") == shortest]
    if len(matches) != 1:
        return None
    entry = objects[matches[0]]
    return make_refnode(
        app.builder, node["refdoc"], entry.docname, entry.node_id, contnode, matches[0]
    )


def _default_text(attribute: Any) -> str | None:
    """How an attrs field's default reads: ``None``, ``()``, ``Scope()``; ``None`` if required."""
    import attrs

    default = attribute.default
    if default is attrs.NOTHING:
        return None
    if isinstance(default, enum.Enum):
        return f"{type(default).__name__}.{default.name}"
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        factory = default.factory
        return f"{getattr(factory, '__name__', 'factory')}()"
    return repr(default)


def attrs_signature(
    app: Sphinx,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str, str | None] | None:
    """The constructor of an attrs class as its fields read: ``(*, id, stage=Stage.DRAFT)``."""
    import attrs

    if what not in {"class", "exception"} or not attrs.has(obj):
        return None
    parts: list[str] = []
    star = False
    for attribute in attrs.fields(obj):
        if not attribute.init:
            continue
        if attribute.kw_only and not star:
            parts.append("*")
            star = True
        shown = _default_text(attribute)
        name_ = attribute.alias or attribute.name
        parts.append(name_ if shown is None else f"{name_}={shown}")
    return f"({', '.join(parts)})", return_annotation


def attrs_field_default(
    app: Sphinx, what: str, name: str, obj: Any, options: Any, lines: list[str]
) -> None:
    """Under each attrs field, its default (or that it is required); above a class, its bases."""
    import attrs

    if what in {"class", "exception"} and inspect.isclass(obj):
        bases = [base for base in obj.__bases__ if base is not object]
        if bases:
            names = ", ".join(
                f"``{b.__qualname__}``"
                if b.__module__ == "builtins"
                else f":class:`~{_public_name(b.__module__)}.{b.__qualname__}`"
                for b in bases
            )
            lines[:0] = [f"Bases: {names}", ""]
        return
    if what != "attribute":
        return
    owner_name, _, field_name = name.rpartition(".")
    module_name, _, class_name = owner_name.rpartition(".")
    try:
        owner = getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError, ValueError):
        return
    if not (inspect.isclass(owner) and attrs.has(owner)):
        return
    attribute = attrs.fields_dict(owner).get(field_name)
    if attribute is None or not attribute.init:
        return
    text = _default_text(attribute)
    lines += ["", "Required." if text is None else f"Default: ``{text}``."]


def exact_builtins(app: Sphinx, doctree: nodes.document) -> None:
    """A builtin in a type hint (``type``, ``str``) names the builtin, never a member.

    Sphinx looks an unqualified hint up "fuzzily", then as an attribute: ``type``
    would link to ``Organisation.type``, or be ambiguous. Looked up exactly, it is
    left as text, like every builtin.
    """
    for node in doctree.findall(pending_xref):
        if node.get("refdomain") == "py" and node.get("reftarget") in vars(builtins):
            if node.hasattr("refspecific"):
                del node["refspecific"]


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("doctree-read", exact_builtins)
    # before sphinx-autodoc-typehints, which answers for every signature
    app.connect("autodoc-process-signature", attrs_signature, priority=400)
    app.connect("autodoc-process-docstring", attrs_field_default)
    app.add_directive("compagnonnage-api", ApiDirective)
    app.connect("missing-reference", resolve_public)
    app.add_directive("compagnonnage-hooks", HooksDirective)
    app.add_directive("compagnonnage-cli", CliDirective)
    app.add_directive("compagnonnage-rules", RulesDirective)
    app.add_directive("compagnonnage-schema", SchemaDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
