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
    "help_answers": Message(
        "document des réponses collectées (JSON)", "document of the collected answers (JSON)"
    ),
    "help_write": Message(
        "enregistrer scores et constats suggérés dans le document (écriture atomique)",
        "record the scores and suggested findings into the document (atomic write)",
    ),
    "help_output": Message(
        "fichier à écrire (par défaut : la sortie standard)",
        "file to write (default: standard output)",
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
    "os_error": Message("{path} : {reason}", "{path}: {reason}"),
    "empty_folder": Message(
        "{path} : aucun document JSON dans ce dossier", "{path}: no JSON document in this folder"
    ),
    "debug_hint": Message(
        "(relancer avec --debug pour la trace complète)",
        "(run again with --debug for the traceback)",
    ),
    "plugin_set_aside": Message(
        "attention : extension « {plugin} » écartée ({problem}) ; voir « compagnonnage plugins »",
        'warning: plugin "{plugin}" set aside ({problem}); see "compagnonnage plugins"',
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
