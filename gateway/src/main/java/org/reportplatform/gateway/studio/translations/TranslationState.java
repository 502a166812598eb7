package org.reportplatform.gateway.studio.translations;

/**
 * Where a chapter's translation into one language stands, as the translations API says it
 * ({@code translated}, {@code stale}, {@code missing}) and as the studio says it in French.
 */
public enum TranslationState {
    TRANSLATED("À jour", "Traduit", "translated"),
    STALE("À mettre à jour", "À mettre à jour", "stale"),
    MISSING("Manquante", "Manquant", "missing");

    private final String ofTranslation;
    private final String inTable;
    private final String cssClass;

    TranslationState(String ofTranslation, String inTable, String cssClass) {
        this.ofTranslation = ofTranslation;
        this.inTable = inTable;
        this.cssClass = cssClass;
    }

    /** The API's word; anything unknown reads as missing. */
    public static TranslationState of(String api) {
        if (api == null) {
            return MISSING;
        }
        return switch (api) {
            case "translated" -> TRANSLATED;
            case "stale" -> STALE;
            default -> MISSING;
        };
    }

    /** Said of « la traduction » on a chapter's page: « À jour », « À mettre à jour », « Manquante ». */
    public String said() {
        return ofTranslation;
    }

    /** Said in the status table's cells: « Traduit », « À mettre à jour », « Manquant ». */
    public String inTable() {
        return inTable;
    }

    public String cssClass() {
        return cssClass;
    }
}
