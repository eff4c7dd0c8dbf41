"""Every word of the reports, in French and English."""

from __future__ import annotations

from compagnonnage._i18n import Message

TEXT: dict[str, Message] = {
    "subtitle": Message(
        "Rapport de programme de compagnonnage consulaire",
        "Compagnonnage consulaire programme report",
    ),
    "contents": Message("Sommaire", "Contents"),
    "footer": Message(
        "Rapport produit par compagnonnage {version}.",
        "Report produced by compagnonnage {version}.",
    ),
    "none": Message("aucun", "none"),
    "not_set": Message("non renseigné", "not set"),
    # summary
    "summary": Message("Synthèse", "Summary"),
    "programme": Message("Programme", "Programme"),
    "stage": Message("Étape", "Stage"),
    "planned": Message("Période prévue", "Planned period"),
    "beneficiary": Message("Bénéficiaire", "Beneficiary"),
    "reference_partner": Message("Partenaire de référence", "Reference partner"),
    "team_count": Message(
        "{network} expert(s) du réseau, {local} expert(s) local(aux)",
        "{network} network expert(s), {local} local expert(s)",
    ),
    "findings_count": Message(
        "{issues} problématique(s), {practices} bonne(s) pratique(s), "
        "{recommendations} préconisation(s)",
        "{issues} major issue(s), {practices} good practice(s), "
        "{recommendations} recommendation(s)",
    ),
    "actions_count": Message(
        "{total} action(s), dont {completed} terminée(s)",
        "{total} action(s), {completed} completed",
    ),
    "findings": Message("Constats", "Findings"),
    "actions": Message("Actions d'accompagnement", "Support actions"),
    "rules_summary": Message("Contrôle des règles", "Rule check"),
    "rules_clean": Message("conforme (aucune violation)", "clean (no violation)"),
    "rules_counts": Message(
        "{errors} erreur(s), {warnings} avertissement(s)",
        "{errors} error(s), {warnings} warning(s)",
    ),
    # body
    "body": Message("Le corps intermédiaire", "The intermediary body"),
    "name": Message("Nom", "Name"),
    "kind": Message("Nature", "Kind"),
    "level": Message("Niveau", "Level"),
    "region": Message("Région", "Region"),
    "parent": Message("Organisme de tutelle", "Parent body"),
    "trades": Message("Métiers", "Trades"),
    "term": Message("Mandature en cours", "Current term"),
    "term_number": Message("mandature n° {number}", "term no. {number}"),
    "mandate_plan": Message("Plan de mandature", "Mandate plan"),
    "plan_adopted": Message(
        "adopté le {date}, {axes} axe(s)", "adopted on {date}, {axes} axis/axes"
    ),
    "plan_not_adopted": Message("non adopté", "not adopted"),
    "membership": Message("Ressortissants", "Constituents"),
    "registered": Message("Inscrits au répertoire", "Registered"),
    "card_holders": Message("Titulaires de la carte", "Card holders"),
    "paying_members": Message("Adhérents cotisants", "Paying members"),
    "service_users": Message("Usagers des services", "Service users"),
    "as_of": Message("Chiffres au", "Figures as of"),
    "governing_bodies": Message("Instances", "Governing bodies"),
    "members": Message("Membres", "Members"),
    "no_governing_bodies": Message("Aucune instance renseignée.", "No governing body recorded."),
    "officials": Message("Élus", "Elected officials"),
    "role": Message("Fonction", "Role"),
    "trade": Message("Métier", "Trade"),
    "no_officials": Message("Aucun élu renseigné.", "No elected official recorded."),
    "staff": Message("Cadres et agents", "Staff"),
    "position": Message("Poste", "Position"),
    "no_staff": Message("Aucun cadre renseigné.", "No staff member recorded."),
    # team
    "team": Message("L'équipe", "The team"),
    "experts": Message("Experts", "Experts"),
    "affiliation": Message("Statut", "Affiliation"),
    "home_chamber": Message("Chambre d'origine", "Home chamber"),
    "competences": Message("Compétences", "Competences"),
    "languages": Message("Langues", "Languages"),
    "no_experts": Message("Aucun expert dans l'équipe.", "No expert in the team."),
    "no_partner": Message("Aucun partenaire de référence.", "No reference partner."),
    # timeline
    "timeline": Message("Calendrier", "Timeline"),
    "timeline_title": Message(
        "Calendrier des étapes, missions et actions", "Timeline of stages, missions and actions"
    ),
    "timeline_summary": Message(
        "Du {start} au {end} : {stages} étape(s), {missions} mission(s), {actions} action(s) "
        "datée(s). Le tableau qui suit donne chaque période.",
        "From {start} to {end}: {stages} stage(s), {missions} mission(s), {actions} dated "
        "action(s). The table below gives each period.",
    ),
    "timeline_empty": Message(
        "Aucune date enregistrée : rien à placer sur le calendrier.",
        "No date recorded: nothing to place on the timeline.",
    ),
    "lane_stage": Message("Étape", "Stage"),
    "lane_mission": Message("Mission", "Mission"),
    "lane_action": Message("Action", "Action"),
    "item": Message("Élément", "Item"),
    "label": Message("Libellé", "Label"),
    "start": Message("Début", "Start"),
    "end": Message("Fin", "End"),
    # preparation
    "preparation": Message("Préparation", "Preparation"),
    "deliverables": Message("Livrables de la préparation", "Preparation deliverables"),
    "deliverable": Message("Livrable", "Deliverable"),
    "title": Message("Titre", "Title"),
    "authors": Message("Auteurs", "Authors"),
    "approval": Message("Approbation", "Approval"),
    "approved": Message("le {date} par {by}", "on {date} by {by}"),
    "missing": Message("manquant", "missing"),
    "not_approved": Message("non approuvé", "not approved"),
    "planned_missions": Message("Missions prévues", "Planned missions"),
    "no_planned_missions": Message("Aucune mission prévue.", "No planned mission."),
    "modality": Message("Modalité", "Modality"),
    "period": Message("Période", "Period"),
    "place": Message("Lieu", "Place"),
    # diagnostic
    "diagnostic": Message("Diagnostic", "Diagnostic"),
    "missions": Message("Missions de diagnostic", "Diagnostic missions"),
    "mission": Message("Mission", "Mission"),
    "organiser": Message("Organisateur", "Organiser"),
    "no_missions": Message("Aucune mission enregistrée.", "No mission recorded."),
    "capacity": Message("Capacités", "Capacities"),
    "capacity_title": Message(
        "Niveau de capacité par dimension : actuel et visé",
        "Capacity level per dimension: current and desired",
    ),
    "capacity_summary": Message(
        "{count} dimension(s) évaluée(s) sur une échelle de 1 à {max}. "
        "Le tableau qui suit donne chaque niveau et ses éléments probants.",
        "{count} dimension(s) assessed on a scale of 1 to {max}. "
        "The table below gives each level and its evidence.",
    ),
    "capacity_empty": Message("Aucun score de capacité enregistré.", "No capacity score recorded."),
    "current": Message("Niveau actuel", "Current level"),
    "desired": Message("Niveau visé", "Desired level"),
    "gap": Message("Écart", "Gap"),
    "evidence": Message("Éléments probants", "Evidence"),
    "dimension": Message("Dimension", "Dimension"),
    "issues": Message("Problématiques lourdes", "Major issues"),
    "no_issues": Message("Aucune problématique lourde.", "No major issue."),
    "statement": Message("Constat", "Statement"),
    "severity": Message("Gravité", "Severity"),
    "practices": Message("Bonnes pratiques", "Good practices"),
    "no_practices": Message("Aucune bonne pratique.", "No good practice."),
    "recommendations": Message("Préconisations", "Recommendations"),
    "no_recommendations": Message("Aucune préconisation.", "No recommendation."),
    "recommendation": Message("Préconisation", "Recommendation"),
    "priority": Message("Priorité", "Priority"),
    "horizon": Message("Horizon", "Horizon"),
    "cites": Message("S'appuie sur", "Based on"),
    "debriefing": Message("Restitution", "Debriefing"),
    "answers_title": Message("Réponses collectées", "Collected answers"),
    "answers_caption": Message(
        "Niveaux issus des réponses : {module}", "Levels from the answers: {module}"
    ),
    "by_group": Message("Par groupe", "By group"),
    "divergence": Message("Écart entre répondants", "Spread between respondents"),
    "divergent": Message("divergence", "divergent"),
    "responses": Message("Réponses", "Answers"),
    "no_answers": Message("Aucune réponse.", "No answer."),
    "suggested_caption": Message(
        "Constats suggérés par les réponses : {module}",
        "Findings the answers suggest: {module}",
    ),
    "no_suggestions": Message("Aucun constat suggéré.", "No finding suggested."),
    "date": Message("Date", "Date"),
    "attendees": Message("Participants", "Attendees"),
    "no_debriefing": Message("Restitution non encore tenue.", "Debriefing not yet held."),
    # accompaniment
    "accompaniment": Message("Accompagnement", "Accompaniment"),
    "action": Message("Action", "Action"),
    "status": Message("Statut", "Status"),
    "no_actions": Message("Aucune action d'accompagnement.", "No support action."),
    "tracing": Message("Des constats aux actions", "From findings to actions"),
    "tracing_caption": Message(
        "Chaque action, les préconisations auxquelles elle répond et les constats qui les fondent",
        "Each action, the recommendations it answers and the findings behind them",
    ),
    "answers": Message("Répond à", "Answers"),
    "behind": Message("Constats à l'origine", "Findings behind"),
    # service offer
    "offer": Message("Offre de services", "Service offer"),
    "service": Message("Service", "Service"),
    "domain": Message("Domaine", "Domain"),
    "pricing": Message("Tarification", "Pricing"),
    "member_price": Message("adhérents : {price}", "members: {price}"),
    "non_member_price": Message("non-adhérents : {price}", "non-members: {price}"),
    "no_offer": Message("Aucune offre de services conçue.", "No service offer designed."),
    # history
    "history": Message("Historique des opérations", "History of operations"),
    "operation": Message("Opération", "Operation"),
    "subject": Message("Objet", "Subject"),
    "by": Message("Par", "By"),
    "reason": Message("Motif", "Reason"),
    "no_history": Message("Aucune opération enregistrée.", "No operation recorded."),
    # rules
    "rules": Message("Contrôle des règles", "Rule check"),
    "violations": Message("Violations des règles", "Rule violations"),
    "code": Message("Code", "Code"),
    "subjects": Message("Concerne", "Concerns"),
    "message": Message("Message", "Message"),
    "no_violations": Message("Aucune règle n'est enfreinte.", "No rule is violated."),
    # results and monitoring
    "results": Message("Résultats et suivi", "Results and monitoring"),
    "indicators_caption": Message(
        "Indicateurs : référence, cible, dernière valeur et progrès",
        "Indicators: baseline, target, latest value and progress",
    ),
    "no_indicators": Message("Aucun indicateur défini.", "No indicator defined."),
    "indicator": Message("Indicateur", "Indicator"),
    "result_level": Message("Niveau", "Level"),
    "baseline": Message("Référence", "Baseline"),
    "target": Message("Cible", "Target"),
    "latest": Message("Dernière valeur", "Latest value"),
    "progress": Message("Part de la cible atteinte", "Share of target reached"),
    "on_track": Message("En bonne voie", "On track"),
    "not_measured": Message("non mesuré", "not measured"),
    "yes": Message("oui", "yes"),
    "no": Message("non", "no"),
    "follow_up": Message(
        "Capacités : diagnostic et dernier suivi", "Capacity: diagnostic and latest follow-up"
    ),
    "follow_up_title": Message(
        "Niveau par dimension au diagnostic et au dernier suivi",
        "Level per dimension at the diagnostic and at the latest follow-up",
    ),
    "follow_up_summary": Message(
        "{count} dimension(s) du module {module} (version {version}), notées de 0 à {max} ; "
        "seuls les suivis de la même version sont comparés.",
        "{count} dimension(s) of module {module} (version {version}), scored 0 to {max}; "
        "only follow-ups under the same version are compared.",
    ),
    "no_follow_up": Message(
        "Aucune évaluation de suivi comparable au diagnostic.",
        "No follow-up assessment comparable with the diagnostic.",
    ),
    "at_diagnostic": Message("Au diagnostic", "At the diagnostic"),
    "at_follow_up": Message("Au dernier suivi", "At the latest follow-up"),
    "change": Message("Évolution", "Change"),
    "ledger": Message("Effectifs dans le temps", "Membership over time"),
    "ledger_title": Message(
        "Registre des effectifs : inscrits et cotisants par date",
        "Membership ledger: registered and paying members by date",
    ),
    "ledger_summary": Message(
        "{count} point(s), de {first} à {last} inscrits ; {illustrative} point(s) illustratif(s) "
        "(marqués *, inventés pour l'exemple).",
        "{count} point(s), from {first} to {last} registered; {illustrative} illustrative "
        "point(s) (marked *, invented for the example).",
    ),
    "no_ledger": Message("Aucun effectif enregistré.", "No membership figure recorded."),
    "undated": Message("non daté", "undated"),
    "illustrative": Message("Chiffre illustratif", "Illustrative figure"),
    "paying_share": Message("Part cotisante", "Paying share"),
    "service_uptake": Message("Usage des services", "Service uptake"),
    "growth": Message("Croissance", "Growth"),
    "traceability": Message("Du constat à la valeur mesurée", "From finding to measured value"),
    "traceability_caption": Message(
        "Constat → préconisation → action → indicateur → valeur",
        "Finding → recommendation → action → indicator → value",
    ),
}
