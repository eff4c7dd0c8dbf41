"""Every word the command line prints, in French and English."""

from __future__ import annotations

from compagnonnage._i18n import Lang, Message

TEXT: dict[str, Message] = {
    # argparse's own words
    "usage": Message("utilisation : ", "usage: "),
    "usage_error": Message("{prog} : erreur : {message}", "{prog}: error: {message}"),
    "options": Message("options", "options"),
    "arguments": Message("arguments de la commande", "command arguments"),
    "commands": Message("commandes", "commands"),
    "description": Message(
        "Compagnonnage consulaire : vérifier les programmes, scorer les diagnostics, "
        "produire les rapports.",
        "Compagnonnage consulaire: check programmes, score diagnostics, produce reports.",
    ),
    "epilog": Message(
        "Codes de sortie : 0 tout va bien, 1 une règle bloquante est enfreinte, "
        "2 entrée illisible ou invalide, ou commande mal employée.\n"
        "Langue : --lang, sinon COMPAGNONNAGE_LANG, sinon la locale (LC_ALL, LANG).",
        "Exit codes: 0 all is well, 1 an error-level rule is violated, "
        "2 unreadable or invalid input, or misuse.\n"
        "Language: --lang, else COMPAGNONNAGE_LANG, else the locale (LC_ALL, LANG).",
    ),
    "help_help": Message("afficher cette aide et quitter", "show this help and exit"),
    "help_lang": Message("langue des messages et des rapports", "language of messages and reports"),
    "help_debug": Message(
        "afficher la trace complète en cas d'erreur", "show the full traceback on errors"
    ),
    "help_version": Message(
        "afficher la version de la bibliothèque et de chaque extension installée, et quitter",
        "show the version of the library and of every installed plugin, and exit",
    ),
    "version_plugin": Message(
        "{distribution} {version} (extension {names})", "{distribution} {version} (plugin {names})"
    ),
    "help_format": Message("format de sortie", "output format"),
    "help_demo": Message(
        "écrire l'exemple du Togo (document et rapports) dans DIR et le résumer",
        "write the Togo example (document and reports) into DIR and summarise it",
    ),
    "help_check": Message(
        "vérifier des documents de programme (fichiers ou dossiers)",
        "check programme documents (files or folders)",
    ),
    "help_status": Message(
        "étape, ce que demande la transition suivante et ce qui la bloque",
        "stage, what the next transition needs and what blocks it",
    ),
    "help_plugins": Message(
        "extensions installées, ce qu'elles apportent et leurs erreurs de chargement",
        "installed plugins, what they provide and their load errors",
    ),
    "help_trades": Message("métiers connus (nomenclatures)", "known trades (nomenclatures)"),
    "help_regions": Message(
        "régions connues et leurs paramètres", "known regions and their parameters"
    ),
    "help_modules": Message("modules de diagnostic", "diagnostic modules"),
    "help_services": Message("services des catalogues", "catalogue services"),
    "help_diagnose": Message(
        "scorer le diagnostic à partir des réponses collectées",
        "score the diagnostic from the collected answers",
    ),
    "help_recommend": Message(
        "appuis et services suggérés pour chaque préconisation",
        "support and services suggested for each recommendation",
    ),
    "help_report": Message(
        "rapport du programme, HTML ou Markdown", "programme report, HTML or Markdown"
    ),
    "help_schema": Message(
        "schéma JSON des documents de programme", "JSON Schema of programme documents"
    ),
    "help_form": Message(
        "un module de diagnostic en formulaire XLSForm (ODK, KoboToolbox)",
        "a diagnostic module as an XLSForm (ODK, KoboToolbox)",
    ),
    "help_answers": Message(
        "réponses recueillies : import des exports d'ODK et de KoboToolbox",
        "collected answers: import ODK and KoboToolbox exports",
    ),
    "help_answers_import": Message(
        "lit des exports d'ODK Central ou de KoboToolbox (CSV, JSON) et écrit le document de réponses",
        "reads ODK Central or KoboToolbox exports (CSV, JSON) and writes the answers document",
    ),
    "help_module": Message(
        "id du module (« compagnonnage modules » les liste)",
        "module id ('compagnonnage modules' lists them)",
    ),
    "help_form_output": Message("le classeur à écrire (.xlsx)", "the workbook to write (.xlsx)"),
    "help_languages": Message(
        "langues des libellés, la première par défaut (fr,en)",
        "languages of the labels, the first one the default (fr,en)",
    ),
    "help_programme": Message(
        "id du programme, inscrit dans chaque soumission",
        "programme id, stamped into every submission",
    ),
    "help_exports": Message("fichiers exportés (CSV ou JSON)", "export files (CSV or JSON)"),
    "help_answers_output": Message(
        "le document de réponses à écrire", "the answers document to write"
    ),
    "help_skip_rejected": Message(
        "laisser de côté les soumissions rejetées par un relecteur",
        "leave out the submissions a reviewer rejected",
    ),
    "unknown_module": Message(
        "module inconnu : {module} (modules installés : {known})",
        "unknown module: {module} (installed modules: {known})",
    ),
    "form_languages": Message(
        "langues inconnues : {given} (langues possibles : {known})",
        "unknown languages: {given} (possible languages: {known})",
    ),
    "form_written": Message(
        "Formulaire du module {module} {version} (extension {plugin}) écrit dans {path} : "
        "{dimensions} groupes, {questions} questions, langues {languages}.",
        "Form of module {module} {version} (plugin {plugin}) written to {path}: "
        "{dimensions} groups, {questions} questions, languages {languages}.",
    ),
    "import_file": Message("{path} : {shape}", "{path}: {shape}"),
    "import_read": Message(
        "{read} soumission(s) lue(s), {kept} répondant(s) retenu(s)",
        "{read} submission(s) read, {kept} respondent(s) kept",
    ),
    "import_skipped_edited": Message(
        "{count} version(s) antérieure(s) de soumissions modifiées laissée(s) de côté",
        "{count} earlier version(s) of edited submissions skipped",
    ),
    "import_skipped_rejected": Message(
        "{count} soumission(s) rejetée(s) laissée(s) de côté",
        "{count} rejected submission(s) skipped",
    ),
    "import_written": Message(
        "Réponses au module {module} {version} écrites dans {path}.",
        "Answers to module {module} {version} written to {path}.",
    ),
    "help_results": Message(
        "indicateurs, progrès et effectifs d'un programme",
        "a programme's indicators, progress and membership figures",
    ),
    "help_portfolio": Message(
        "un rapport sur tous les programmes d'un dossier",
        "one report over every programme in a folder",
    ),
    "help_portfolio_out": Message("fichier à écrire, .html ou .md", "file to write, .html or .md"),
    "help_folder": Message("dossier de documents de programme", "folder of programme documents"),
    "res_indicators": Message("Indicateurs", "Indicators"),
    "res_no_indicator": Message("Aucun indicateur.", "No indicator."),
    "res_membership": Message("Effectifs", "Membership"),
    "res_no_membership": Message("Aucun effectif enregistré.", "No membership figure."),
    "res_capacity": Message("Capacités (diagnostic → suivi)", "Capacity (diagnostic → follow-up)"),
    "res_id": Message("id", "id"),
    "res_title": Message("indicateur", "indicator"),
    "res_baseline": Message("référence", "baseline"),
    "res_target": Message("cible", "target"),
    "res_latest": Message("dernière valeur", "latest value"),
    "res_progress": Message("progrès", "progress"),
    "res_on_track": Message("en bonne voie", "on track"),
    "res_date": Message("date", "date"),
    "res_registered": Message("inscrits", "registered"),
    "res_paying": Message("cotisants", "paying"),
    "res_paying_share": Message("part cotisante", "paying share"),
    "res_uptake": Message("usage des services", "service uptake"),
    "res_growth": Message("croissance", "growth"),
    "res_dimension": Message("dimension", "dimension"),
    "res_follow_up": Message("suivi", "follow-up"),
    "res_illustrative": Message(
        "* chiffre illustratif (inventé pour l'exemple)", "* illustrative figure (invented)"
    ),
    "res_not_measured": Message("non mesuré", "not measured"),
    "portfolio_output": Message(
        "{path} : le portefeuille s'écrit en .html ou en .md",
        "{path}: the portfolio is written as .html or .md",
    ),
    "portfolio_not_folder": Message("{path} : ce n'est pas un dossier", "{path}: not a folder"),
    "xlsx_needs_output": Message(
        "--format xlsx demande un fichier de sortie : -o SORTIE.xlsx",
        "--format xlsx needs an output file: -o OUT.xlsx",
    ),
    "help_dir": Message(
        "dossier où écrire (par défaut : compagnonnage-demo)",
        "folder to write into (default: compagnonnage-demo)",
    ),
    "help_paths": Message(
        "fichiers JSON ou dossiers à parcourir", "JSON files, or folders to search"
    ),
    "help_file": Message("document de programme (JSON)", "programme document (JSON)"),
    "help_trade": Message(
        "seulement ce métier (nomenclature:code)", "only this trade (nomenclature:code)"
    ),
    "help_region": Message(
        "seulement cette région (code ISO 3166)", "only this region (ISO 3166 code)"
    ),
    "help_answers_file": Message(
        "document des réponses collectées (JSON)", "document of the collected answers (JSON)"
    ),
    "help_write": Message(
        "enregistrer scores et constats suggérés dans le document (écriture atomique)",
        "record the scores and suggested findings into the document (atomic write)",
    ),
    "help_output": Message(
        "fichier à écrire (par défaut : la sortie standard) ; son dossier doit exister",
        "file to write (default: standard output); its folder must exist",
    ),
    "help_force": Message(
        "remplacer aussi un fichier en lecture seule ou à plusieurs liens physiques",
        "replace even a read-only file or one with other hard links",
    ),
    "help_iati": Message(
        "publier des programmes en activités IATI 2.03, ou vérifier un fichier IATI (--check)",
        "publish programmes as IATI 2.03 activities, or check an IATI file (--check)",
    ),
    "help_iati_files": Message(
        "documents de programme à publier (ou fichiers IATI avec --check)",
        "programme documents to publish (or IATI files with --check)",
    ),
    "help_iati_check": Message(
        "vérifier des fichiers IATI 2.03 (schéma, listes de codes, règles IATI)",
        "check IATI 2.03 files (schema, codelists, IATI rules)",
    ),
    "help_iati_output": Message("fichier IATI à écrire", "IATI file to write"),
    "help_reporting_org": Message(
        "identifiant IATI de l'organisation qui publie",
        "IATI identifier of the reporting organisation",
    ),
    "help_reporting_org_type": Message(
        "type IATI de l'organisation qui publie (ex. 15)",
        "IATI type of the reporting organisation (e.g. 15)",
    ),
    "help_reporting_org_name": Message(
        "nom de l'organisation qui publie", "name of the reporting organisation"
    ),
    # shared words
    "colon": Message("\u00a0: ", ": "),
    "programme": Message("Programme", "Programme"),
    "stage": Message("Étape", "Stage"),
    "clean": Message("conforme", "clean"),
    "counts": Message(
        "{errors} erreur(s), {warnings} avertissement(s)",
        "{errors} error(s), {warnings} warning(s)",
    ),
    "severity_error": Message("erreur", "error"),
    "severity_warning": Message("avertissement", "warning"),
    "written": Message("Écrit : {path}", "Written: {path}"),
    "yes": Message("oui", "yes"),
    "no": Message("non", "no"),
    # errors
    "no_such_file": Message("{path} : fichier introuvable", "{path}: no such file"),
    "is_a_directory": Message(
        "{path} : c'est un dossier, un fichier est attendu",
        "{path}: is a folder, a file is expected",
    ),
    "permission_denied": Message("{path} : accès refusé", "{path}: permission denied"),
    "no_such_folder": Message(
        "{path} : dossier introuvable (le créer d'abord : rien n'est écrit)",
        "{path}: no such folder (create it first: nothing is written)",
    ),
    "os_error": Message("{path} : {reason}", "{path}: {reason}"),
    "empty_folder": Message(
        "{path} : aucun document JSON dans ce dossier", "{path}: no JSON document in this folder"
    ),
    "debug_hint": Message(
        "(relancer avec --debug pour la trace complète)",
        "(run again with --debug for the traceback)",
    ),
    "plugin_failed": Message("échec d'extension : {message}", "plugin failed: {message}"),
    "plugin_clash": Message("attention : {message}", "warning: {message}"),
    "plugin_set_aside": Message(
        "attention : extension « {plugin} » écartée ({problem}) ; voir « compagnonnage plugins »",
        'warning: plugin "{plugin}" set aside ({problem}); see "compagnonnage plugins"',
    ),
    # iati
    "iati_needs": Message(
        "pour publier, il faut aussi : {options}", "publishing also needs: {options}"
    ),
    "iati_written": Message(
        "Écrit : {path} ({count} activité(s) IATI 2.03, validées)",
        "Written: {path} ({count} IATI 2.03 activit(ies), validated)",
    ),
    "iati_refused": Message(
        "Rien n'est écrit : {count} problème(s).", "Nothing written: {count} problem(s)."
    ),
    "iati_valid": Message("{path} : IATI 2.03 valide", "{path}: valid IATI 2.03"),
    "iati_invalid": Message(
        "{path} : IATI invalide, {count} problème(s)", "{path}: invalid IATI, {count} problem(s)"
    ),
    # check
    "summary": Message("Résumé", "Summary"),
    "total_documents": Message("Documents", "Documents"),
    "total_clean": Message("Conformes", "Clean"),
    "total_with_errors": Message("Avec erreurs", "With errors"),
    "total_with_warnings": Message("Avec avertissements", "With warnings"),
    "total_invalid": Message("Illisibles ou invalides", "Unreadable or invalid"),
    "code": Message("Code", "Code"),
    "severity": Message("Gravité", "Severity"),
    "violations": Message("Violations", "Violations"),
    "documents": Message("Documents", "Documents"),
    # listings
    "nothing_found": Message("Rien à afficher.", "Nothing to show."),
    "col_trade": Message("Métier", "Trade"),
    "col_title": Message("Intitulé", "Title"),
    "col_group": Message("Corps de métiers", "Trade group"),
    "col_branch": Message("Branche", "Branch"),
    "col_region": Message("Région", "Region"),
    "col_term_years": Message("Mandature (ans)", "Term (years)"),
    "col_renewals": Message("Renouvellements", "Renewals"),
    "col_nomenclature": Message("Nomenclature", "Nomenclature"),
    "col_module": Message("Module", "Module"),
    "col_version": Message("Version", "Version"),
    "col_dimensions": Message("Dimensions", "Dimensions"),
    "col_questions": Message("Questions", "Questions"),
    "col_trades": Message("Métiers", "Trades"),
    "col_regions": Message("Régions", "Regions"),
    "col_service": Message("Service", "Service"),
    "col_label": Message("Libellé", "Label"),
    "col_domain": Message("Domaine", "Domain"),
    "col_modality": Message("Modalité", "Modality"),
    "col_pricing": Message("Tarif (adhérents / autres)", "Price (members / others)"),
    "col_hooks": Message("Points d'ancrage", "Hooks"),
    "col_services": Message("Services", "Services"),
    "load_error": Message("écartée, erreur de chargement", "set aside, load error"),
    "registered": Message("{kind} enregistrés", "{kind} registered"),
    "kind_nomenclature": Message("nomenclatures", "nomenclatures"),
    "kind_region": Message("régions", "regions"),
    "kind_module": Message("modules", "modules"),
    "kind_catalogue": Message("catalogues", "catalogues"),
    "kind_rule": Message("règles", "rules"),
    "clashes": Message("conflits d'identifiants", "id clashes"),
    "bad_trade": Message(
        "--trade {value} : attendu nomenclature:code, par exemple uemoa:BAT-01",
        "--trade {value}: expected nomenclature:code, for example uemoa:BAT-01",
    ),
    "bad_region": Message(
        "--region {value} : attendu un code ISO 3166, par exemple TG ou TG-M",
        "--region {value}: expected an ISO 3166 code, for example TG or TG-M",
    ),
    # recommend
    "no_recommendations": Message(
        "Le diagnostic ne formule aucune préconisation.", "The diagnostic makes no recommendation."
    ),
    "no_candidates": Message(
        "aucun appui proposé par les extensions", "no support proposed by the plugins"
    ),
    "hook_failure": Message("échec d'une extension", "plugin failure"),
    "percent": Message("{value}\u00a0%", "{value}%"),
    # diagnose
    "col_dimension": Message("Dimension", "Dimension"),
    "col_level": Message("Niveau", "Level"),
    "col_desired": Message("Visé", "Desired"),
    "col_gap": Message("Écart", "Gap"),
    "col_by_group": Message("Par groupe", "By group"),
    "col_divergence": Message("Divergence", "Divergence"),
    "divergent": Message("les répondants divergent", "respondents diverge"),
    "evidence": Message("Éléments probants :", "Evidence:"),
    "suggested": Message("{count} constat(s) suggéré(s) :", "{count} suggested finding(s):"),
    "no_answers": Message(
        "Aucune réponse pour les modules applicables.", "No answer for the applicable modules."
    ),
    "recorded": Message(
        "Scores et constats suggérés enregistrés dans {path}.",
        "Scores and suggested findings recorded into {path}.",
    ),
    "answers_for_another_programme": Message(
        "{path} : réponses recueillies pour le programme {answered}, pas pour {programme}",
        "{path}: answers collected for programme {answered}, not for {programme}",
    ),
    "unknown_modules": Message(
        "{path} : réponses à des modules qui ne s'appliquent pas à ce programme : {modules} "
        "(modules applicables : {known})",
        "{path}: answers to modules that do not apply to this programme: {modules} "
        "(applicable modules: {known})",
    ),
    # demo
    "not_a_folder": Message(
        "{path} : existe et n'est pas un dossier", "{path}: exists and is not a folder"
    ),
    "demo_written": Message(
        "Exemple illustratif du Togo écrit dans {path} :",
        "Illustrative Togo example written into {path}:",
    ),
    "rules": Message("Contrôle des règles", "Rule check"),
    "demo_scores": Message("Scores du diagnostic :", "Diagnostic scores:"),
    "demo_support": Message("Appui prévu :", "Planned support:"),
    "col_action": Message("Action", "Action"),
    "col_kind": Message("Nature", "Kind"),
    "col_period": Message("Période", "Period"),
    "col_status": Message("Statut", "Status"),
    "demo_next": Message(
        "Ensuite : compagnonnage status {document}\n"
        "          compagnonnage check {document}\n"
        "          ouvrir {report} dans un navigateur",
        "Next:     compagnonnage status {document}\n"
        "          compagnonnage check {document}\n"
        "          open {report} in a browser",
    ),
    # status
    "no_next": Message(
        "Programme clôturé : plus de transition.", "Programme closed: no further transition."
    ),
    "next_transition": Message(
        "Transition suivante : {operation} (étape suivante : {stage}).",
        "Next transition: {operation} (next stage: {stage}).",
    ),
    "it_needs": Message("Elle demande :", "It needs:"),
    "needs_only_rules": Message(
        "Elle demande qu'aucune règle bloquante ne soit enfreinte.",
        "It needs no error-level rule to be violated.",
    ),
    "needs_all": Message(
        "et qu'aucune autre règle bloquante ne soit enfreinte",
        "and that no other error-level rule is violated",
    ),
    "ready": Message("Rien ne la bloque.", "Nothing blocks it."),
    "blocked_by": Message("Bloquée par {count} violation(s) :", "Blocked by {count} violation(s):"),
    "blocking_rules": Message("Règles qui la bloquent :", "Rules that block it:"),
    "warnings": Message("{count} avertissement(s) :", "{count} warning(s):"),
    "op_open": Message("ouverture", "open"),
    "op_close_preparation": Message("clôture de la préparation", "close the preparation"),
    "op_close_diagnostic": Message("clôture du diagnostic", "close the diagnostic"),
    "op_close": Message("clôture du programme", "close the programme"),
}


def say(key: str, lang: Lang, **values: object) -> str:
    """The message ``key`` in ``lang``, with ``values`` filled in."""
    text = TEXT[key](lang)
    return text.format(**values) if values else text
