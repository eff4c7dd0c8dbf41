"""The parser built for the command ``argv`` names parses ``argv`` as the whole parser does."""

from __future__ import annotations

import argparse
import contextlib
import io
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from compagnonnage.cli._parser import _ARGUMENTS, build_parser

_WORDS = [
    *_ARGUMENTS,
    "import",
    "nothing",
    "--lang",
    "--lang=pt",
    "--la",
    "fr",
    "xx",
    "--debug",
    "--deb",
    "-h",
    "--help",
    "--he",
    "--format",
    "json",
    "md",
    "-o",
    "out.html",
    "x.json",
    "--",
    "-",
    "--force",
    "--answers",
    "--module",
    "--trade",
    "--check",
]


def _outcome(argv: list[str], *, whole: bool) -> tuple[Any, ...]:
    parser = build_parser("fr", None if whole else argv)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            namespace = parser.parse_args(argv)
        except SystemExit as stop:
            return ("exit", stop.code, out.getvalue(), err.getvalue())
    return ("parsed", vars(namespace))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=6))
def test_the_parser_of_one_command_parses_as_the_whole_parser(argv: list[str]) -> None:
    assert _outcome(argv, whole=False) == _outcome(argv, whole=True)


def test_the_parser_of_one_command_holds_that_command_only() -> None:
    (commands,) = (a for a in build_parser("en", ["check", "x.json"])._actions if a.choices)
    assert list(commands.choices) == ["check"]  # type: ignore[union-attr]
    (everything,) = (a for a in build_parser("en", ["--help"])._actions if a.choices)
    assert list(everything.choices) == list(_ARGUMENTS)  # type: ignore[union-attr]


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (commands,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(commands.choices)


def test_each_command_is_named_as_argparse_names_it() -> None:
    """``prog`` is given to argparse (computing it imports shutil): the same as it computes."""
    for name, sub in _subcommands(build_parser("en")).items():
        assert sub.prog == f"compagnonnage {name}"
        if name == "answers":
            assert _subcommands(sub)["import"].prog == "compagnonnage answers import"
    plain = argparse.ArgumentParser(prog="compagnonnage")
    plain.add_argument("--lang")
    computed = plain.add_subparsers(dest="command").add_parser("check")
    assert computed.prog == "compagnonnage check"
