"""The command line's language: how it is chosen, refused, and spoken (plurals, no English left)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from cli_support import Result, Run, violating

from compagnonnage._i18n import _TERMS, SOURCE_LANGUAGE, Message, languages
from compagnonnage.cli import main
from compagnonnage.cli._parser import detect_lang, environment_lang, lang_option
from compagnonnage.cli._text import TEXT, say
from compagnonnage.diagnostics import CONSULAR_CHAMBER_MODULE
from compagnonnage.documents import dump
from compagnonnage.model import Programme

RunIn = Callable[..., Result]

USAGE = {lang: say("usage", lang) for lang in languages()}
"""How the help starts in each language: the language a run chose."""


@pytest.fixture
def run_in(env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> RunIn:
    """``run_in(environ, *argv)``: the command line with an injected environment."""

    def call(environ: Mapping[str, str], *argv: str) -> Result:
        code = main(list(argv), environ=environ)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return call


def _spoken(result: Result) -> str:
    """The language the help of ``result`` is in."""
    (lang,) = [lang for lang, usage in USAGE.items() if result.out.startswith(usage)]
    return lang


# -- how the language is chosen -----------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "environ", "expected"),
    [
        # --lang first, whatever the environment says
        (["--lang", "pt"], {"COMPAGNONNAGE_LANG": "fr", "LC_ALL": "fr_FR.UTF-8"}, "pt"),
        (["check", "--lang=fr"], {"COMPAGNONNAGE_LANG": "pt"}, "fr"),
        (["--lang", "fr", "status", "--lang", "pt"], {}, "pt"),  # the last one, as argparse
        # locale-style values are accepted, normalised
        (["--lang", "pt_BR"], {}, "pt"),
        (["--lang", "fr-FR"], {}, "fr"),
        (["--lang", "PT"], {}, "pt"),
        (["--lang", "pt_PT.UTF-8"], {}, "pt"),
        # then COMPAGNONNAGE_LANG, over the locale
        ([], {"COMPAGNONNAGE_LANG": "pt", "LANG": "fr_FR.UTF-8"}, "pt"),
        ([], {"COMPAGNONNAGE_LANG": "fr_CA", "LC_ALL": "pt_PT"}, "fr"),
        # then the locale: the first of LC_ALL, LC_MESSAGES, LANG that is set
        ([], {"LC_ALL": "pt_PT.UTF-8", "LC_MESSAGES": "fr_FR", "LANG": "en_GB"}, "pt"),
        ([], {"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "pt_PT"}, "fr"),
        ([], {"LANG": "pt_BR.UTF-8"}, "pt"),
        ([], {"LC_ALL": "", "LANG": "fr_FR.UTF-8"}, "fr"),  # an empty one is not set
        # a locale the library does not speak is English, not the next variable's
        ([], {"LC_ALL": "de_DE.UTF-8", "LANG": "fr_FR.UTF-8"}, "en"),
        ([], {"LANG": "C.UTF-8"}, "en"),
        # else English
        ([], {}, "en"),
    ],
)
def test_the_language_is_chosen_in_order(
    argv: list[str], environ: dict[str, str], expected: str, run_in: RunIn
) -> None:
    assert detect_lang(argv, environ) == expected
    result = run_in(environ, *argv, "--help")
    assert result.code == 0
    assert _spoken(result) == expected


def test_the_environment_alone_gives_the_language_and_what_it_could_not_use() -> None:
    assert environment_lang({}) == (SOURCE_LANGUAGE, None)
    assert environment_lang({"COMPAGNONNAGE_LANG": "pt"}) == ("pt", None)
    assert environment_lang({"COMPAGNONNAGE_LANG": "xx", "LANG": "fr_FR"}) == ("fr", "xx")


@pytest.mark.parametrize("lang", languages())
def test_every_language_of_the_catalogues_is_accepted(lang: str, run_in: RunIn) -> None:
    assert lang_option(lang) == lang
    assert lang_option(f"{lang.upper()}_XX.UTF-8") == lang
    assert _spoken(run_in({}, "--lang", lang, "--help")) == lang


def test_a_command_runs_in_the_language_of_the_environment(
    run_in: RunIn, example_file: Path
) -> None:
    result = run_in({"LANG": "pt_PT.UTF-8"}, "status", str(example_file))
    assert result.code == 0
    assert result.out.startswith(f"{say('programme', 'pt')}{say('colon', 'pt')}")
    as_json = run_in({"COMPAGNONNAGE_LANG": "fr"}, "check", str(example_file), "--format", "json")
    assert json.loads(as_json.out)["summary"]["clean"] == 1


def test_the_help_says_how_the_language_is_chosen(run: Run) -> None:
    out = run("--help").out
    epilog = out[out.index("Language (") :]
    for word in ("--lang", "COMPAGNONNAGE_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "English"):
        assert word in epilog
    assert f"Language ({', '.join(languages())}, or a locale name such as pt_BR)" in epilog
    assert epilog.index("LC_ALL") < epilog.index("LC_MESSAGES") < epilog.index("LANG that")


# -- an unknown language is refused ---------------------------------------------------------


@pytest.mark.parametrize("lang", languages())
def test_an_unknown_language_is_refused_with_the_list_in_each_language(
    lang: str, run_in: RunIn
) -> None:
    known = ", ".join(languages())
    result = run_in({"COMPAGNONNAGE_LANG": lang}, "check", "x.json", "--lang", "xx")
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(USAGE[lang] + "compagnonnage check")
    refusal = say("unknown_lang", lang, given="xx", known=known)
    assert say("usage_error", lang, prog="compagnonnage check", message="") in result.err
    assert refusal in result.err
    assert all(code in result.err for code in languages())
    if lang != SOURCE_LANGUAGE:  # said in the language, not in English
        assert refusal != say("unknown_lang", SOURCE_LANGUAGE, given="xx", known=known)
        assert "unknown language" not in result.err


@pytest.mark.parametrize("lang", languages())
def test_an_unknown_compagnonnage_lang_is_refused_in_the_locale_language(
    lang: str, run_in: RunIn, example_file: Path
) -> None:
    environ = {"COMPAGNONNAGE_LANG": "klingon", "LANG": f"{lang}.UTF-8"}
    result = run_in(environ, "check", str(example_file))
    assert result.code == 2
    assert result.out == ""
    known = ", ".join(languages())
    refusal = say(
        "unknown_lang_variable", lang, variable="COMPAGNONNAGE_LANG", given="klingon", known=known
    )
    assert result.err == f"compagnonnage{say('colon', lang)}{refusal}\n"
    # --lang given, the variable is not needed
    assert run_in(environ, "check", str(example_file), "--lang", lang).code == 0


# -- plurals ---------------------------------------------------------------------------------

PLURALS = {
    "fr": {
        "count_errors": ("0 erreur", "1 erreur", "2 erreurs"),
        "count_warnings": ("0 avertissement", "1 avertissement", "2 avertissements"),
        "blocked_by": (
            "Bloquée par 0 violation :",
            "Bloquée par 1 violation :",
            "Bloquée par 2 violations :",
        ),
        "import_read": ("0 soumission lue", "1 soumission lue", "2 soumissions lues"),
    },
    "pt": {
        "count_errors": ("0 erros", "1 erro", "2 erros"),
        "count_warnings": ("0 avisos", "1 aviso", "2 avisos"),
        "blocked_by": (
            "Bloqueada por 0 violações:",
            "Bloqueada por 1 violação:",
            "Bloqueada por 2 violações:",
        ),
        "import_read": ("0 submissões lidas", "1 submissão lida", "2 submissões lidas"),
    },
    "en": {
        "count_errors": ("0 errors", "1 error", "2 errors"),
        "count_warnings": ("0 warnings", "1 warning", "2 warnings"),
        "blocked_by": (
            "Blocked by 0 violations:",
            "Blocked by 1 violation:",
            "Blocked by 2 violations:",
        ),
        "import_read": ("0 submissions read", "1 submission read", "2 submissions read"),
    },
}


@pytest.mark.parametrize("lang", sorted(PLURALS))
@pytest.mark.parametrize("key", sorted(PLURALS["en"]))
def test_plural_forms_for_0_1_and_2(lang: str, key: str) -> None:
    assert tuple(say(key, lang, count=n) for n in (0, 1, 2)) == PLURALS[lang][key]


def test_no_message_of_the_command_line_says_s_in_brackets() -> None:
    for lang in languages():
        for key, message in TEXT.items():
            for n in (1, 2):
                text = message.template(lang, n) if message.plural else message(lang)
                assert not re.search(r"\((s|x|es|ies|aux)\)", text), (lang, key, text)


def test_counts_are_written_the_language_way() -> None:
    assert say("count_warnings", "en", count=1500) == "1,500 warnings"
    assert say("count_warnings", "fr", count=1500) == "1\u202f500 avertissements"
    assert say("count_warnings", "pt", count=1500) == "1\u00a0500 avisos"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "1 erreur, 0 avertissement"),
        ("pt", "1 erro, 0 avisos"),
        ("en", "1 error, 0 warnings"),
    ],
)
def test_check_counts_with_real_plurals(
    run: Run, example: Programme, tmp_path: Path, lang: str, expected: str
) -> None:
    path = tmp_path / "violating.json"
    dump(violating(example), path)
    result = run("check", str(path), "--lang", lang)
    assert result.code == 1
    assert f"{path}{say('colon', lang)}{expected}\n" in result.out


# -- Portuguese through and through --------------------------------------------------------


def _words(text: str) -> set[str]:
    """The words of ``text``, lower-cased: letters only, three or more, no metavar or code."""
    tokens = re.findall(r"[\w'-]+", text)
    return {t.lower() for t in tokens if t.isalpha() and len(t) >= 3 and not t.isupper()}


def _forms(message: Message, lang: str) -> list[str]:
    """The texts of a message in ``lang``: both forms of a plural, placeholders left out."""
    texts = [message.template(lang, n) for n in (1, 2)] if message.plural else [message(lang)]
    return [part for text in texts for part in re.split(r"\{\w+\}", text)]


# What the command line says: its own messages, and the core's terms (stages, kinds…).
_SAID = [*TEXT.values(), *_TERMS.values()]


def _vocabulary(lang: str) -> set[str]:
    """Every word of the command line's messages and of the core's terms in ``lang``.

    A message that reads the same in ``lang`` as in English is taken for one not
    translated yet: its words are not counted as words of ``lang``.
    """
    return {
        word
        for message in _SAID
        if lang == SOURCE_LANGUAGE or _forms(message, lang) != _forms(message, SOURCE_LANGUAGE)
        for part in _forms(message, lang)
        for word in _words(part)
    }


ENGLISH_ONLY = _vocabulary("en") - _vocabulary("pt")
"""The English words of the command line that its Portuguese does not use."""

_FRENCH = {word for message in _SAID for part in _forms(message, "fr") for word in _words(part)}

ENGLISH_PHRASES = sorted(
    {
        phrase
        for message in _SAID
        for part in _forms(message, "en")
        if (phrase := part.strip(" :.,;()\n"))
        and _words(phrase) & ENGLISH_ONLY
        and not _words(phrase) <= _FRENCH  # "bureau", "diagnostic": the example's French says them
    }
)
"""The English pieces of the messages (between placeholders) that hold such a word."""

_IDS = re.compile(
    "|".join(rf"(?<![\w-]){re.escape(d.id)}(?![\w-])" for d in CONSULAR_CHAMBER_MODULE.dimensions)
)
"""The ids of the built-in module's dimensions (``staff``), which tables show as they are."""


def _phrases(text: str) -> set[str]:
    """The English pieces of the command line's messages that ``text`` holds (ids aside)."""
    text = _IDS.sub(" ", text)
    return {
        phrase
        for phrase in ENGLISH_PHRASES
        if re.search(r"(?<![\w-])" + re.escape(phrase) + r"(?![\w-])", text)
    }


def test_the_portuguese_of_the_command_line_is_not_its_english() -> None:
    assert len(ENGLISH_ONLY) > 100
    assert {"error", "warning", "violations", "written", "language"} <= ENGLISH_ONLY
    assert "Blocked by" in ENGLISH_PHRASES


@pytest.fixture
def files(tmp_path: Path, example: Programme, example_file: Path) -> dict[str, str]:
    """The documents the commands read: the example, a violating one, a folder of both."""
    bad = tmp_path / "violating.json"
    dump(violating(example), bad)
    folder = tmp_path / "togo-docs"
    folder.mkdir()
    dump(example, folder / "good.json")
    dump(violating(example), folder / "bad.json")
    return {"good": str(example_file), "bad": str(bad), "folder": str(folder), "tmp": str(tmp_path)}


COMMANDS = [
    ("--help",),
    ("check", "--help"),
    ("check", "{good}"),
    ("check", "{bad}"),
    ("check", "{folder}"),
    ("status", "{good}"),
    ("status", "{bad}"),
    ("plugins",),
    ("trades",),
    ("regions",),
    ("modules",),
    ("services",),
    ("recommend", "{good}"),
    ("results", "{good}"),
    ("demo", "{tmp}/demo"),
    ("check", "{tmp}/missing.json"),
    ("check",),
    ("frobnicate",),
]


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: " ".join(a))
def test_portuguese_output_has_no_english_only_word_of_the_command_line(
    run: Run, files: dict[str, str], argv: tuple[str, ...]
) -> None:
    args = [a.format(**files) for a in argv]
    portuguese = run(*args, "--lang", "pt")
    english = run(*args, "--lang", "en")
    assert portuguese.code == english.code
    said = _phrases(english.out + english.err)
    assert said  # the English run says some of the command line's words…
    leaked = said & _phrases(portuguese.out + portuguese.err)
    assert not leaked, sorted(leaked)  # …and the Portuguese run none of them


def test_the_refusal_of_an_unknown_language_in_portuguese(run_in: RunIn) -> None:
    result = run_in({"LANG": "pt_PT.UTF-8"}, "check", "x.json", "--lang", "xx")
    english = run_in({}, "check", "x.json", "--lang", "xx")
    assert result.code == english.code == 2
    assert not _phrases(english.err) & _phrases(result.err)


# -- what starting costs ---------------------------------------------------------------------


@pytest.mark.parametrize("argv", [["--help"], ["--help", "--lang", "pt"], ["check", "--help"]])
def test_help_does_not_import_babel(argv: list[str], module_env: dict[str, str]) -> None:
    code = (
        "import sys\n"
        "from compagnonnage.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        "print([m for m in ('babel', 'compagnonnage._locale') if m in sys.modules], file=sys.stderr)\n"
    )
    env = {**module_env, "LANG": "pt_PT.UTF-8"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    assert done.stdout.startswith(USAGE["pt"])
    assert done.stderr.strip() == "[]"
