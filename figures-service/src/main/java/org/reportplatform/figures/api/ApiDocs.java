package org.reportplatform.figures.api;

/** Names and examples of the OpenAPI description (the demo report's French values). */
public final class ApiDocs {

    /** The security scheme every write names: {@code Authorization: Bearer <token>}. */
    public static final String BEARER = "bearer";

    public static final String INDICATOR = """
            {"edition": "2024", "id": "sos-defenders.cases",
             "label": "Cas de défenseur.e.s détenu.e.s arbitrairement documentés", "type": "integer", "value": 4445,
             "unit": "cas", "period": "2024", "source": "Base de données SOS Défenseur.e.s (première année)",
             "ownerTeam": "defenseurs", "revision": 1, "updatedAt": "2025-03-14T09:30:00Z", "updatedBy": "admin:demo-admin"}""";

    public static final String INDICATOR_PUT = """
            {"label": "Cas de défenseur.e.s détenu.e.s arbitrairement documentés", "type": "integer", "value": 4445,
             "unit": "cas", "period": "2024", "source": "Base de données SOS Défenseur.e.s (première année)",
             "ownerTeam": "defenseurs"}""";

    public static final String INDICATOR_PUT_MONEY = """
            {"label": "Revenus totaux (données illustratives)", "type": "money", "value": "6400000.00", "currency": "CHF",
             "period": "2024", "source": "Données illustratives, non issues du rapport", "ownerTeam": "donateurs-finances"}""";

    public static final String INDICATOR_PUT_PERCENTAGE = """
            {"label": "Part des fonds consacrée aux programmes", "type": "percentage", "value": "86.5",
             "period": "2024", "source": "Données illustratives, non issues du rapport", "ownerTeam": "donateurs-finances"}""";

    public static final String PROBLEM_PERCENTAGE = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "value: a percentage must be between 0 and 100, got 130",
             "instance": "/api/editions/2024/indicators/programmes.share",
             "errors": [{"field": "value", "problem": "a percentage must be between 0 and 100, got 130"}]}""";

    public static final String IMPORT_CSV_VALUES = """
            id,value
            sos-defenders.cases,4445
            sanad.victims-assisted,158
            """;

    public static final String IMPORT_CSV_FULL = """
            id,type,value,currency,label,unit,period,source,ownerTeam
            sos-defenders.cases,integer,4445,,Cas de défenseur.e.s détenu.e.s arbitrairement documentés,cas,2024,Base de données SOS Défenseur.e.s,defenseurs
            finances.total,money,6400000.00,CHF,Revenus totaux (données illustratives),,2024,"Données illustratives, non issues du rapport",donateurs-finances
            """;

    public static final String IMPORT_RESULT = """
            {"edition": "2024", "rows": 9, "created": 1, "changed": 2, "unchanged": 6, "events": 3}""";

    public static final String PROBLEM_IMPORT = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "2 lines of the file are invalid (lines 3, 5); nothing was imported",
             "instance": "/api/editions/2024/indicators:import",
             "errors": [{"field": "line 3: value", "problem": "must be a whole number for an integer indicator (e.g. 4445), got \\"beaucoup\\""},
                        {"field": "line 5: label", "problem": "starts with '=', which a spreadsheet would run as a formula; reword it so that it does not start with = + - or @"}],
             "rows": [{"line": 3, "id": "sanad.victims-assisted", "field": "value", "problem": "must be a whole number for an integer indicator (e.g. 4445), got \\"beaucoup\\""},
                      {"line": 5, "id": "network.new-members", "field": "label", "problem": "starts with '=', which a spreadsheet would run as a formula; reword it so that it does not start with = + - or @"}],
             "badLines": 2}""";

    public static final String DATASET = """
            {"edition": "2024", "id": "finances-revenus", "title": "Revenus par source (données illustratives)",
             "columns": [{"name": "label", "type": "text"}, {"name": "amount", "type": "number"}],
             "rows": [["Gouvernements", "3200000"], ["Fondations privées", "1400000"], ["Union européenne", "1100000"]],
             "unit": "CHF", "source": "Données illustratives, non issues du rapport", "ownerTeam": "donateurs-finances",
             "revision": 1, "updatedAt": "2025-03-14T09:30:00Z", "updatedBy": "admin:demo-loader"}""";

    public static final String DATASET_PUT = """
            {"title": "Revenus par source (données illustratives)",
             "columns": [{"name": "label", "type": "text"}, {"name": "amount", "type": "number"}],
             "rows": [["Gouvernements", 3200000], ["Fondations privées", 1400000], ["Union européenne", "1100000.00"]],
             "unit": "CHF", "source": "Données illustratives, non issues du rapport", "ownerTeam": "donateurs-finances"}""";

    public static final String PROBLEM_DATASET = """
            {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "2 fields are invalid",
             "instance": "/api/editions/2024/datasets/finances-revenus",
             "errors": [{"field": "rows[3][1]", "problem": "must be a number written with digits and a dot for decimals, without separators (e.g. 1900000 or 12.5), got \\"beaucoup\\" (column amount)"},
                        {"field": "rows[4]", "problem": "has 3 cells; the dataset has 2 columns"}]}""";

    public static final String DATASET_CSV = """
            label,amount
            Gouvernements,3200000
            Fondations privées,1400000
            Union européenne,1100000
            Dons individuels,450000
            Autres,250000
            """;

    public static final String DATASET_IMPORT_RESULT = """
            {"edition": "2024", "id": "finances-revenus", "revision": 2, "created": false, "changed": true, "rows": 5,
             "columns": [{"name": "label", "type": "text"}, {"name": "amount", "type": "number"}]}""";

    public static final String SCHEDULE_PUT = """
            {"label": "Victimes de torture assistées en Tunisie", "type": "integer", "value": 160, "unit": "personnes",
             "period": "2024", "source": "Programme d’assistance directe SANAD, Tunisie",
             "at": "2025-06-26T09:00", "timeZone": "Europe/Zurich"}""";

    public static final String PROBLEM_SKIPPED_HOUR = """
            {"type": "about:blank", "title": "Bad Request", "status": 400,
             "detail": "at: 2026-03-29T02:30 does not exist in Europe/Zurich: on 2026-03-29 the clocks go from 02:00 to 03:00. It could mean 2026-03-29T01:30+01:00 or 2026-03-29T03:30+02:00; send the one you mean with its offset",
             "errors": [{"field": "at", "problem": "2026-03-29T02:30 does not exist in Europe/Zurich: on 2026-03-29 the clocks go from 02:00 to 03:00. It could mean 2026-03-29T01:30+01:00 or 2026-03-29T03:30+02:00; send the one you mean with its offset"}],
             "candidates": ["2026-03-29T01:30+01:00", "2026-03-29T03:30+02:00"]}""";

    private ApiDocs() {
    }
}
