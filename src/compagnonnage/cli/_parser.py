"""The argument parser, with help and errors in the user's language.

Kept import-light: ``compagnonnage --help`` loads this module, argparse and the
words, nothing else.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence

from compagnonnage._i18n import Lang, language_from_environment, languages, normalise
from compagnonnage.cli._text import say
from compagnonnage.cli._version import VersionAction

TYPE_CHECKING = False  # typing stays out of ``--help``'s start-up
if TYPE_CHECKING:
    from typing import NoReturn

PROG = "compagnonnage"


def lang_option(value: str) -> Lang | None:
    """The language ``value`` names (``pt``, ``pt_BR``, ``fr-FR``, ``PT``), if the library speaks it."""
    lang = normalise(value.strip())
    return lang if lang in languages() else None


def _given(argv: Sequence[str]) -> str | None:
    """The value of the last ``--lang`` in ``argv`` (argparse keeps the last one too)."""
    found = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg.startswith("--lang="):
            found = arg.partition("=")[2]
        elif arg == "--lang" and i + 1 < len(argv):
            found = argv[i + 1]
    return found


def environment_lang(environ: Mapping[str, str] = os.environ) -> tuple[Lang, str | None]:
    """The language the environment asks for, and ``COMPAGNONNAGE_LANG`` if it names none.

    ``COMPAGNONNAGE_LANG`` first, then the locale: the first of ``LC_ALL``,
    ``LC_MESSAGES``, ``LANG`` that is set (as POSIX does), English when that locale
    is in a language the library does not speak; English when nothing is set.
    An unknown ``COMPAGNONNAGE_LANG`` is skipped here and returned, to be refused.
    """
    chosen = environ.get("COMPAGNONNAGE_LANG", "")
    if chosen:
        lang = lang_option(chosen)
        if lang is not None:
            return lang, None
        return language_from_environment(environ), chosen
    return language_from_environment(environ), None


def detect_lang(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> Lang:
    """The language asked for: ``--lang`` in ``argv``, else ``COMPAGNONNAGE_LANG``, else the locale.

    The parser's own words (help, usage, errors) are in this language. A value
    that names no language the library speaks is passed over here, so that its
    refusal is worded in the next choice's language.
    """
    given = _given(argv)
    lang = None if given is None else lang_option(given)
    return lang if lang is not None else environment_lang(environ)[0]


def _lang_type(lang: Lang) -> Callable[[str], Lang]:
    """The type of ``--lang``: a language the library speaks, else a refusal listing them."""

    def parse(value: str) -> Lang:
        found = lang_option(value)
        if found is None:
            known = ", ".join(languages())
            raise argparse.ArgumentTypeError(say("unknown_lang", lang, given=value, known=known))
        return found

    parse.__name__ = "lang"
    return parse


class _Formatter(argparse.RawDescriptionHelpFormatter):
    lang: Lang = "en"

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(
            usage, actions, groups, say("usage", self.lang) if prefix is None else prefix
        )


# argparse's own error messages (Python's English), and the messages that say them in
# the user's language; what the pattern captures goes into the placeholders.
_ARGPARSE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"argument (?P<argument>\S+): (?P<message>.*)", re.DOTALL), "argparse_argument"),
    (re.compile(r"the following arguments are required: (?P<arguments>.*)"), "argparse_required"),
    (re.compile(r"unrecognized arguments: (?P<arguments>.*)"), "argparse_unrecognized"),
    (
        re.compile(r"invalid choice: (?P<value>.*?) \(choose from (?P<choices>.*)\)"),
        "argparse_choice",
    ),
    (re.compile(r"expected one argument"), "argparse_expected_one"),
    (re.compile(r"expected at least one argument"), "argparse_expected_some"),
)


def argparse_message(message: str, lang: Lang) -> str:
    """One of argparse's error messages in ``lang`` (left as it is when it is not known)."""
    for pattern, key in _ARGPARSE:
        found = pattern.fullmatch(message)
        if found is not None:
            values = found.groupdict()
            if "message" in values:
                values["message"] = argparse_message(values["message"], lang)
            return say(key, lang, **values)
    return message


class _Parser(argparse.ArgumentParser):
    """argparse, with its framework words in the user's language."""

    lang: Lang = "en"

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        text = argparse_message(message, self.lang)
        self.exit(2, say("usage_error", self.lang, prog=self.prog, message=text) + "\n")


@functools.cache
def _formatter(lang: Lang) -> type[_Formatter]:
    return type("Formatter", (_Formatter,), {"lang": lang})


def _parser(
    lang: Lang,
    *,
    prog: str | None = None,
    description: str | None = None,
    epilog: str | None = None,
    parents: Sequence[argparse.ArgumentParser] = (),
) -> _Parser:
    parser = _Parser(
        prog=prog,
        description=description,
        epilog=epilog,
        parents=parents,
        add_help=False,
        formatter_class=_formatter(lang),
    )
    parser.lang = lang
    return parser


def _common(lang: Lang, *, top: bool) -> _Parser:
    """Options every command takes: ``--lang``, ``--debug``, ``--help``.

    On commands they default to "not given", so that a value given before the
    command name (``compagnonnage --debug check …``) is not overwritten; ``--lang``
    not given at all is ``None`` (the environment chooses).
    """
    common = _parser(lang)
    group = common.add_argument_group(say("options", lang))
    group.add_argument("-h", "--help", action="help", help=say("help_help", lang))
    group.add_argument(
        "--lang",
        type=_lang_type(lang),
        metavar="LANG",
        default=None if top else argparse.SUPPRESS,
        help=say("help_lang", lang, languages=", ".join(languages())),
    )
    group.add_argument(
        "--debug",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help=say("help_debug", lang),
    )
    if top:
        group.add_argument("--version", action=VersionAction, help=say("help_version", lang))
    return common


def _format(group: argparse._ArgumentGroup, lang: Lang, choices: tuple[str, ...]) -> None:
    group.add_argument(
        "--format", choices=choices, default=choices[0], help=say("help_format", lang)
    )


_Group = argparse._ArgumentGroup


def _demo(args: _Group, lang: Lang) -> None:
    args.add_argument(
        "dir", nargs="?", default="compagnonnage-demo", metavar="DIR", help=say("help_dir", lang)
    )


def _check(args: _Group, lang: Lang) -> None:
    args.add_argument("paths", nargs="+", metavar="PATH", help=say("help_paths", lang))
    _format(args, lang, ("text", "json"))


def _one_file(args: _Group, lang: Lang) -> None:
    args.add_argument("file", metavar="FILE", help=say("help_file", lang))
    _format(args, lang, ("text", "json"))


def _listing(args: _Group, lang: Lang) -> None:
    _format(args, lang, ("text", "json"))


def _services(args: _Group, lang: Lang) -> None:
    args.add_argument("--trade", metavar="NOMENCLATURE:CODE", help=say("help_trade", lang))
    args.add_argument("--region", metavar="ISO", help=say("help_region", lang))
    _format(args, lang, ("text", "json"))


def _diagnose(args: _Group, lang: Lang) -> None:
    args.add_argument("file", metavar="FILE", help=say("help_file", lang))
    args.add_argument(
        "--answers", required=True, metavar="ANSWERS", help=say("help_answers_file", lang)
    )
    args.add_argument("--write", action="store_true", help=say("help_write", lang))
    args.add_argument("--force", action="store_true", help=say("help_force", lang))
    args.add_argument("--trade", metavar="NOMENCLATURE:CODE", help=say("help_findings_trade", lang))
    args.add_argument("--region", metavar="ISO", help=say("help_findings_region", lang))
    _format(args, lang, ("text", "json"))


def _form(args: _Group, lang: Lang) -> None:
    args.add_argument("module", metavar="MODULE_ID", help=say("help_module", lang))
    args.add_argument(
        "-o", "--output", required=True, metavar="FORM.xlsx", help=say("help_form_output", lang)
    )
    args.add_argument(
        "--languages", default="fr,en", metavar="fr,en", help=say("help_languages", lang)
    )
    args.add_argument("--programme", metavar="PROGRAMME_ID", help=say("help_programme", lang))


def _answers_import(args: _Group, lang: Lang) -> None:
    args.add_argument("exports", nargs="+", metavar="EXPORT", help=say("help_exports", lang))
    args.add_argument("--module", required=True, metavar="MODULE_ID", help=say("help_module", lang))
    args.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="ANSWERS.json",
        help=say("help_answers_output", lang),
    )
    args.add_argument("--skip-rejected", action="store_true", help=say("help_skip_rejected", lang))


def _report(args: _Group, lang: Lang) -> None:
    args.add_argument("file", metavar="FILE", help=say("help_file", lang))
    _format(args, lang, ("html", "md"))
    args.add_argument("-o", "--output", metavar="OUT", help=say("help_output", lang))
    args.add_argument("--force", action="store_true", help=say("help_force", lang))


def _nothing(args: _Group, lang: Lang) -> None:
    pass


def _iati(args: _Group, lang: Lang) -> None:
    args.add_argument("files", nargs="+", metavar="FILE", help=say("help_iati_files", lang))
    args.add_argument("--check", action="store_true", help=say("help_iati_check", lang))
    args.add_argument("-o", "--output", metavar="OUT", help=say("help_iati_output", lang))
    args.add_argument("--reporting-org", metavar="REF", help=say("help_reporting_org", lang))
    args.add_argument(
        "--reporting-org-type", metavar="CODE", help=say("help_reporting_org_type", lang)
    )
    args.add_argument(
        "--reporting-org-name", metavar="NAME", help=say("help_reporting_org_name", lang)
    )
    _format(args, lang, ("text", "json"))


def _results(args: _Group, lang: Lang) -> None:
    args.add_argument("file", metavar="FILE", help=say("help_file", lang))
    _format(args, lang, ("text", "json", "xlsx"))
    args.add_argument("-o", "--output", metavar="OUT", help=say("help_output", lang))


def _portfolio(args: _Group, lang: Lang) -> None:
    args.add_argument("folder", metavar="DIR", help=say("help_folder", lang))
    args.add_argument(
        "-o", "--output", required=True, metavar="OUT", help=say("help_portfolio_out", lang)
    )


# Each command's arguments, in the order ``--help`` lists the commands; a command
# with commands of its own (``answers import``) maps to them instead.
_ARGUMENTS: dict[str, Callable[[_Group, Lang], None] | dict[str, Callable[[_Group, Lang], None]]]
_ARGUMENTS = {
    "demo": _demo,
    "check": _check,
    "status": _one_file,
    "plugins": _listing,
    "trades": _listing,
    "regions": _listing,
    "modules": _listing,
    "services": _services,
    "diagnose": _diagnose,
    "form": _form,
    "answers": {"import": _answers_import},
    "recommend": _one_file,
    "report": _report,
    "schema": _nothing,
    "iati": _iati,
    "results": _results,
    "portfolio": _portfolio,
}


def _command_named(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names, if its first word names one and only plain options come first.

    Before the command, only ``--debug`` and ``--lang`` (with its value) are
    passed over; anything else (``--help``, an abbreviation argparse would
    expand, ``--``) gives ``None``: then the whole parser is needed.
    """
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--lang":
            i += 2
        elif arg == "--debug" or arg.startswith("--lang="):
            i += 1
        else:
            return arg if arg in _ARGUMENTS else None
    return None


def build_parser(lang: Lang, argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The ``compagnonnage`` parser; each command sets ``command`` in the namespace.

    Given the ``argv`` it will parse, the parser holds only the command ``argv``
    names (when it names one): building every command's parser was a tenth of
    the start-up of ``compagnonnage check FILE``. It parses ``argv`` as the whole
    parser does.
    """
    parser = _parser(
        lang,
        prog=PROG,
        description=say("description", lang),
        epilog=say("epilog", lang, languages=", ".join(languages())),
        parents=[_common(lang, top=True)],
    )
    # ``prog`` given, as argparse would compute it: computing it makes a help formatter,
    # which imports shutil (bz2, lzma…), a twentieth of the start-up of ``check FILE``.
    commands = parser.add_subparsers(
        title=say("commands", lang), dest="command", metavar="COMMAND", required=True, prog=PROG
    )
    # One parent for every command: argparse copies its options into each (and every
    # parser it builds looks up its own words through gettext, a tenth of ``--help``).
    common = _common(lang, top=False)

    def command(group: argparse._SubParsersAction[_Parser], name: str, key: str) -> _Parser:
        sub = group.add_parser(
            name,
            help=say(key, lang),
            description=say(key, lang),
            parents=[common],
            add_help=False,
            formatter_class=_formatter(lang),
        )
        assert isinstance(sub, _Parser)
        sub.lang = lang
        return sub

    only = None if argv is None else _command_named(argv)
    for name, arguments in _ARGUMENTS.items():
        if only not in (None, name):
            continue
        sub = command(commands, name, f"help_{name}")
        group = sub.add_argument_group(say("arguments", lang))
        if callable(arguments):
            arguments(group, lang)
            continue
        actions = sub.add_subparsers(
            title=say("commands", lang),
            dest=f"{name}_command",
            metavar="COMMAND",
            required=True,
            prog=f"{PROG} {name}",
        )
        for action, add in arguments.items():
            inner = command(actions, action, f"help_{name}_{action}")
            add(inner.add_argument_group(say("arguments", lang)), lang)
    return parser
