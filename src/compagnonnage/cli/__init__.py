"""The ``compagnonnage`` command: ``compagnonnage --help`` lists the commands.

Run as ``compagnonnage …`` (the console script) or ``python -m compagnonnage …``:
both call :func:`run`, the process around :func:`main`; from Python, call
:func:`main`, which returns the exit code. A mistake of the user (a missing or
invalid file, a refused operation) prints a message naming the file and the
place in it, never a traceback, unless ``--debug`` is given.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
import warnings
from collections.abc import Mapping, Sequence

from compagnonnage._i18n import languages
from compagnonnage.cli._output import safe
from compagnonnage.cli._parser import build_parser, detect_lang, environment_lang
from compagnonnage.cli._text import say

TYPE_CHECKING = False  # typing stays out of ``--help``'s start-up
if TYPE_CHECKING:
    from typing import NoReturn

__all__ = ["main", "run"]

_COLLECT_AFTER = 50_000
"""New objects a collection of the youngest generation waits for in :func:`run` (Python's: 700)."""

# Each command lives in a module of its own, imported only when that command runs; the
# function that runs it bears the command's name.
_COMMANDS = {
    "answers": "compagnonnage.cli._answers_import",
    "check": "compagnonnage.cli._check",
    "demo": "compagnonnage.cli._demo",
    "diagnose": "compagnonnage.cli._diagnose",
    "form": "compagnonnage.cli._form",
    "iati": "compagnonnage.cli._iati",
    "modules": "compagnonnage.cli._listings",
    "plugins": "compagnonnage.cli._listings",
    "portfolio": "compagnonnage.cli._portfolio",
    "recommend": "compagnonnage.cli._recommend",
    "regions": "compagnonnage.cli._listings",
    "report": "compagnonnage.cli._report",
    "results": "compagnonnage.cli._results",
    "schema": "compagnonnage.cli._report",
    "services": "compagnonnage.cli._listings",
    "status": "compagnonnage.cli._status",
    "trades": "compagnonnage.cli._listings",
}


def main(argv: Sequence[str] | None = None, *, environ: Mapping[str, str] | None = None) -> int:
    """Run the command line ``argv`` (``sys.argv[1:]`` by default); return the exit code.

    The language is ``--lang`` (any language the library speaks, or a locale name
    such as ``pt_BR``), else ``COMPAGNONNAGE_LANG``, else the locale of ``environ``
    (``os.environ`` by default): the first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG``
    that is set; else English. A language the library does not speak, given by
    ``--lang`` or ``COMPAGNONNAGE_LANG``, is refused with the list of those it does.

    0: all is well; 1: an error-level rule is violated; 2: unreadable or invalid
    input, or misuse; 3: a plugin failed, whatever the command (each failure is
    one line on standard error naming the plugin, with its traceback under
    ``--debug``; what the other plugins gave stands).
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    environ = os.environ if environ is None else environ
    lang = detect_lang(args_list, environ)
    try:
        args = build_parser(lang, args_list).parse_args(args_list)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 2
    if args.lang is None:
        args.lang, unknown = environment_lang(environ)
        if unknown is not None:
            text = say(
                "unknown_lang_variable",
                lang,
                variable="COMPAGNONNAGE_LANG",
                given=unknown,
                known=", ".join(languages()),
            )
            print(f"compagnonnage{say('colon', lang)}{safe(text)}", file=sys.stderr)
            return 2
    lang = args.lang
    from compagnonnage.cli._common import INVALID, Command, os_message, plugin_failures
    from compagnonnage.cli._session import Session
    from compagnonnage.errors import CompagnonnageError

    run: Command = getattr(importlib.import_module(_COMMANDS[args.command]), args.command)
    session = Session(lang)
    with warnings.catch_warnings():
        try:
            code = run(args, session)
        except (CompagnonnageError, OSError) as err:
            if args.debug:
                import traceback

                traceback.print_exc()
            if isinstance(err, OSError):
                text = os_message(err, session)
            else:
                message = getattr(err, "message", None)
                text = message(lang) if callable(message) else str(err)
            print(f"compagnonnage{say('colon', lang)}{safe(text)}", file=sys.stderr)
            if not args.debug:
                print(say("debug_hint", lang), file=sys.stderr)
            return plugin_failures(session, args.debug, err) or INVALID
        except KeyboardInterrupt:
            return 130
    return plugin_failures(session, args.debug) or code


def run() -> NoReturn:
    """The ``compagnonnage`` process: :func:`main` on ``sys.argv``, then exit with its code.

    The console script and ``python -m compagnonnage`` call this; Python code calls
    :func:`main`. A command is a short process whose start-up builds tens of
    thousands of objects (classes, functions, the plugins' tables) that all live
    until it ends, so two settings of CPython's cyclic garbage collector are made
    for it, which :func:`main` leaves alone:

    - a collection waits for 50,000 new objects, not 700, so start-up
      does not walk the same live objects again and again; cyclic garbage is still
      collected, in bounded batches, however many documents a command reads;
    - at the end, every object is frozen (``gc.freeze()``), so the collection the
      interpreter makes while it shuts down has nothing to walk. The rest of a
      normal exit happens: ``atexit`` functions, flushed streams, waited threads.
    """
    gc.set_threshold(_COLLECT_AFTER, *gc.get_threshold()[1:])
    try:
        code = main()
    finally:
        gc.freeze()
    sys.exit(code)
