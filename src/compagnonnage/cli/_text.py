"""Every word the command line prints, as messages of the library's catalogue.

:func:`say` renders one in a language: a message with a plural takes its form
from the ``count`` it is given, and whole numbers are written the language's way
(through :mod:`compagnonnage._locale`, imported only when a number is said, so that
``compagnonnage --help`` never loads Babel).
"""

from __future__ import annotations

from compagnonnage._i18n import Lang, Message, _, _n, _p

TEXT: dict[str, Message] = {
    # argparse's own words
    "usage": _("usage: "),
    "usage_error": _("{prog}: error: {message}"),
    "argparse_argument": _("argument {argument}: {message}"),
    "argparse_required": _("the following arguments are required: {arguments}"),
    "argparse_unrecognized": _("unrecognized arguments: {arguments}"),
    "argparse_choice": _("invalid choice: {value} (choose from {choices})"),
    "argparse_expected_one": _("expected one argument"),
    "argparse_expected_some": _("expected at least one argument"),
    "options": _("options"),
    "arguments": _("command arguments"),
    "commands": _("commands"),
    "description": _(
        "Compagnonnage consulaire: check programmes, score diagnostics, produce reports."
    ),
    "epilog": _(
        "Exit codes: 0 all is well, 1 an error-level rule is violated, 2 unreadable or invalid input, or misuse, 3 a plugin failed.\nLanguage ({languages}, or a locale name such as pt_BR): --lang, else COMPAGNONNAGE_LANG, else the locale (the first of LC_ALL, LC_MESSAGES, LANG that is set), else English."
    ),
    "help_help": _("show this help and exit"),
    "help_lang": _("language of messages and reports: {languages}"),
    "unknown_lang": _("unknown language: {given} (available languages: {known})"),
    "unknown_lang_variable": _(
        "{variable}={given}: unknown language (available languages: {known})"
    ),
    "help_debug": _("show the full traceback on errors"),
    "help_version": _("show the version of the library and of every installed plugin, and exit"),
    "version_plugin": _("{distribution} {version} (plugin {names})"),
    "help_format": _("output format"),
    "help_demo": _("write the Togo example (document and reports) into DIR and summarise it"),
    "help_check": _("check programme documents (files or folders)"),
    "help_status": _("stage, what the next transition needs and what blocks it"),
    "help_plugins": _("installed plugins, what they provide and their load errors"),
    "help_trades": _("known trades (nomenclatures)"),
    "help_regions": _("known regions and their parameters"),
    "help_modules": _("diagnostic modules"),
    "help_services": _("catalogue services"),
    "help_diagnose": _("score the diagnostic from the collected answers"),
    "help_recommend": _("support and services suggested for each recommendation"),
    "help_report": _("programme report, HTML or Markdown"),
    "help_schema": _("JSON Schema of programme documents"),
    "help_form": _("a diagnostic module as an XLSForm (ODK, KoboToolbox)"),
    "help_answers": _("collected answers: import ODK and KoboToolbox exports"),
    "help_answers_import": _(
        "reads ODK Central or KoboToolbox exports (CSV, JSON) and writes the answers document"
    ),
    "help_module": _("module id ('compagnonnage modules' lists them)"),
    "help_form_output": _("the workbook to write (.xlsx)"),
    "help_languages": _("languages of the labels, the first one the default (fr,en)"),
    "help_programme": _("programme id, stamped into every submission"),
    "help_exports": _("export files (CSV or JSON)"),
    "help_answers_output": _("the answers document to write"),
    "help_skip_rejected": _("leave out the submissions a reviewer rejected"),
    "unknown_module": _("unknown module: {module} (installed modules: {known})"),
    "form_languages": _("unknown languages: {given} (possible languages: {known})"),
    "form_written": _(
        "Form of module {module} {version} (plugin {plugin}) written to {path}: {dimensions} groups, {questions} questions, languages {languages}."
    ),
    "import_file": _("{path}: {shape}"),
    "import_read_kept": _("{read}, {kept}"),
    "import_read": _n("{count} submission read", "{count} submissions read"),
    "import_kept": _n("{count} respondent kept", "{count} respondents kept"),
    "import_skipped_edited": _n(
        "{count} earlier version of an edited submission skipped",
        "{count} earlier versions of edited submissions skipped",
    ),
    "import_skipped_rejected": _n(
        "{count} rejected submission skipped", "{count} rejected submissions skipped"
    ),
    "shape_central-csv": _("ODK Central CSV"),
    "shape_central-json": _("ODK Central OData JSON"),
    "shape_kobo-json": _("KoboToolbox JSON"),
    "shape_kobo-csv": _("KoboToolbox CSV"),
    "import_written": _("Answers to module {module} {version} written to {path}."),
    "help_results": _("a programme's indicators, progress and membership figures"),
    "help_portfolio": _("one report over every programme in a folder"),
    "help_portfolio_out": _("file to write, .html or .md"),
    "help_folder": _("folder of programme documents"),
    "res_indicators": _("Indicators"),
    "res_no_indicator": _("No indicator."),
    "res_membership": _("Membership"),
    "res_no_membership": _("No membership figure."),
    "res_capacity": _("Capacity (diagnostic → follow-up)"),
    "res_id": _("id"),
    "res_title": _("indicator"),
    "res_baseline": _("baseline"),
    "res_target": _("target"),
    "res_latest": _("latest value"),
    "res_progress": _("progress"),
    "res_on_track": _("on track"),
    "res_date": _("date"),
    "res_registered": _("registered"),
    "res_paying": _("paying"),
    "res_paying_share": _("paying share"),
    "res_uptake": _("service uptake"),
    "res_growth": _("growth"),
    "res_dimension": _("dimension"),
    "res_follow_up": _("follow-up"),
    "res_illustrative": _("* illustrative figure (invented)"),
    "res_not_measured": _("not measured"),
    "portfolio_output": _("{path}: the portfolio is written as .html or .md"),
    "portfolio_not_folder": _("{path}: not a folder"),
    "xlsx_needs_output": _("--format xlsx needs an output file: -o OUT.xlsx"),
    "help_dir": _("folder to write into (default: compagnonnage-demo)"),
    "help_paths": _("JSON files, or folders to search"),
    "help_file": _("programme document (JSON)"),
    "help_trade": _("only this trade (nomenclature:code)"),
    "help_region": _("only this region (ISO 3166 code)"),
    "help_answers_file": _("document of the collected answers (JSON)"),
    "help_write": _("record the scores and suggested findings into the document (atomic write)"),
    "help_output": _("file to write (default: standard output); its folder must exist"),
    "help_force": _("replace even a read-only file or one with other hard links"),
    "help_findings_trade": _(
        "the trade of the suggested findings (nomenclature:code); by default, that of a "
        "trade-specific module"
    ),
    "help_findings_region": _(
        "the region of the suggested findings (ISO 3166 code); by default, that of a "
        "region-specific module"
    ),
    "help_iati": _("publish programmes as IATI 2.03 activities, or check an IATI file (--check)"),
    "help_iati_files": _("programme documents to publish (or IATI files with --check)"),
    "help_iati_check": _("check IATI 2.03 files (schema, codelists, IATI rules)"),
    "help_iati_output": _("IATI file to write"),
    "help_reporting_org": _("IATI identifier of the reporting organisation"),
    "help_reporting_org_type": _("IATI type of the reporting organisation (e.g. 15)"),
    "help_reporting_org_name": _("name of the reporting organisation"),
    # shared words
    "colon": _(": "),
    "programme": _("Programme"),
    "stage": _("Stage"),
    "clean": _("clean"),
    "counts": _("{errors}, {warnings}"),
    "count_errors": _n("{count} error", "{count} errors"),
    "count_warnings": _n("{count} warning", "{count} warnings"),
    "severity_error": _("error"),
    "severity_warning": _("warning"),
    "written": _("Written: {path}"),
    "yes": _("yes"),
    "no": _("no"),
    # errors
    "no_such_file": _("{path}: no such file"),
    "is_a_directory": _("{path}: is a folder, a file is expected"),
    "permission_denied": _("{path}: permission denied"),
    "no_such_folder": _("{path}: no such folder (create it first: nothing is written)"),
    "os_error": _("{path}: {reason}"),
    "empty_folder": _("{path}: no JSON document in this folder"),
    "debug_hint": _("(run again with --debug for the traceback)"),
    "plugin_failed": _("plugin failed: {message}"),
    "plugin_clash": _("warning: {message}"),
    "plugin_set_aside": _(
        'warning: plugin "{plugin}" set aside ({problem}); see "compagnonnage plugins"'
    ),
    # iati
    "iati_needs": _("publishing also needs: {options}"),
    "iati_written": _n(
        "Written: {path} ({count} IATI 2.03 activity, validated)",
        "Written: {path} ({count} IATI 2.03 activities, validated)",
    ),
    "iati_refused": _n("Nothing written: {count} problem.", "Nothing written: {count} problems."),
    "iati_valid": _("{path}: valid IATI 2.03"),
    "iati_invalid": _n(
        "{path}: invalid IATI, {count} problem", "{path}: invalid IATI, {count} problems"
    ),
    # check
    "summary": _p("cli.check", "Summary"),
    "total_documents": _("Documents"),
    "total_clean": _("Clean"),
    "total_with_errors": _("With errors"),
    "total_with_warnings": _("With warnings"),
    "total_invalid": _("Unreadable or invalid"),
    "code": _("Code"),
    "severity": _("Severity"),
    "violations": _("Violations"),
    "documents": _("Documents"),
    # listings
    "nothing_found": _("Nothing to show."),
    "col_trade": _("Trade"),
    "col_title": _p("cli.column", "Title"),
    "col_group": _("Trade group"),
    "col_branch": _("Branch"),
    "col_region": _("Region"),
    "col_term_years": _("Term (years)"),
    "col_renewals": _("Renewals"),
    "col_nomenclature": _("Nomenclature"),
    "col_module": _("Module"),
    "col_version": _("Version"),
    "col_dimensions": _("Dimensions"),
    "col_questions": _("Questions"),
    "col_trades": _("Trades"),
    "col_regions": _("Regions"),
    "col_service": _("Service"),
    "col_label": _("Label"),
    "col_domain": _("Domain"),
    "col_modality": _("Modality"),
    "col_pricing": _("Price (members / others)"),
    "col_hooks": _("Hooks"),
    "col_services": _("Services"),
    "load_error": _("set aside, load error"),
    "registered": _("{kind} registered"),
    "registered_nomenclature": _("nomenclatures registered"),
    "registered_region": _("regions registered"),
    "registered_module": _("modules registered"),
    "registered_catalogue": _("catalogues registered"),
    "registered_rule": _("rules registered"),
    "clashes": _("id clashes"),
    "bad_trade": _("--trade {value}: expected nomenclature:code, for example uemoa:BAT-01"),
    "bad_region": _("--region {value}: expected an ISO 3166 code, for example TG or TG-M"),
    # recommend
    "no_recommendations": _("The diagnostic makes no recommendation."),
    "no_candidates": _("no support proposed by the plugins"),
    "hook_failure": _("plugin failure"),
    # diagnose
    "col_dimension": _("Dimension"),
    "col_level": _("Level"),
    "col_desired": _("Desired"),
    "col_gap": _("Gap"),
    "col_by_group": _("By group"),
    "col_divergence": _("Divergence"),
    "divergent": _("respondents diverge"),
    "evidence": _("Evidence:"),
    "suggested": _n("{count} suggested finding:", "{count} suggested findings:"),
    "no_answers": _("No answer for the applicable modules."),
    "recorded": _("Scores and suggested findings recorded into {path}."),
    "answers_for_another_programme": _(
        "{path}: answers collected for programme {answered}, not for {programme}"
    ),
    "unknown_modules": _(
        "{path}: answers to modules that do not apply to this programme: {modules} (applicable modules: {known})"
    ),
    # demo
    "not_a_folder": _("{path}: exists and is not a folder"),
    "demo_written": _("Illustrative Togo example written into {path}:"),
    "rules": _("Rule check"),
    "demo_scores": _("Diagnostic scores:"),
    "demo_support": _("Planned support:"),
    "col_action": _("Action"),
    "col_kind": _("Kind"),
    "col_period": _("Period"),
    "col_status": _("Status"),
    "demo_next": _(
        "Next:     compagnonnage status {document}\n          compagnonnage check {document}\n          open {report} in a browser"
    ),
    # status
    "no_next": _("Programme closed: no further transition."),
    "next_transition": _("Next transition: {operation} (next stage: {stage})."),
    "it_needs": _("It needs:"),
    "needs_only_rules": _("It needs no error-level rule to be violated."),
    "needs_all": _("and that no other error-level rule is violated"),
    "ready": _("Nothing blocks it."),
    "blocked_by": _n("Blocked by {count} violation:", "Blocked by {count} violations:"),
    "blocking_rules": _("Rules that block it:"),
    "warnings": _n("{count} warning:", "{count} warnings:"),
    "op_open": _("open"),
    "op_close_preparation": _("close the preparation"),
    "op_close_diagnostic": _("close the diagnostic"),
    "op_close": _("close the programme"),
}


def say(key: str, lang: Lang, **values: object) -> str:
    """The message ``key`` in ``lang``, with ``values`` put in its placeholders.

    A message with a plural takes its form from ``count``. A whole number is
    written the language's way (``1 500`` in French); a message, a text, a member
    of the model's enumerations or a date among the values is rendered in ``lang``.
    """
    found = TEXT[key]
    if not values:
        return found(lang)
    count = values.get("count")
    n = count if isinstance(count, int) and not isinstance(count, bool) else None
    shown = {name: _number(value, lang) for name, value in values.items()}
    return found.bind(n, **shown)(lang)


def _number(value: object, lang: Lang) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        from compagnonnage._locale import format_number

        return format_number(value, lang)
    return value
