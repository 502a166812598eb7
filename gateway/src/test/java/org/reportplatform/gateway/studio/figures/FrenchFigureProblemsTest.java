package org.reportplatform.gateway.studio.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

/**
 * figures-service's problems (its exact English sentences, as its validators write them) told in
 * French, and the dataset form read back from what a browser posts.
 */
class FrenchFigureProblemsTest {

    @Test
    void anIntegerGivenADecimalCommaIsToldHowToWriteIt() {
        assertThat(FrenchFigureProblems.indicatorField("value",
                "must be a whole number for an integer indicator (e.g. 4445), got \"12,5\"", "integer"))
                .isEqualTo("Saisissez un nombre entier, sans espace ni virgule (par exemple 4445).");
    }

    @Test
    void knownProblemsAreToldInFrenchAndUnknownOnesKeepTheServiceWords() {
        assertThat(FrenchFigureProblems.indicatorField("value", "a percentage must be between 0 and 100, got 130", "percentage"))
                .startsWith("Un pourcentage est compris entre 0 et 100");
        assertThat(FrenchFigureProblems.indicatorField("label", "starts with '=', which a spreadsheet would run as a formula; "
                + "reword it so that it does not start with = + - or @", "integer")).contains("formule");
        assertThat(FrenchFigureProblems.indicatorField("source", "is 240 characters long; the limit is 200", "integer"))
                .isEqualTo("Ce texte compte 240 caractères : 200 au plus.");
        assertThat(FrenchFigureProblems.indicatorField("value", "something new", "integer"))
                .isEqualTo("Valeur refusée (réponse du service : something new).");
    }

    @Test
    void importRowsSayWhoseFigureItIsAndWhichLineRepeats() {
        assertThat(FrenchFigureProblems.importRow("id", "belongs to team renforcement-reseau; your token may import only your team's figures", null))
                .contains("appartient à l’équipe « renforcement-reseau »");
        assertThat(FrenchFigureProblems.importRow("id", "is already on line 2: one row per indicator", "integer"))
                .isEqualTo("Ce chiffre figure déjà à la ligne 2 : une seule ligne par chiffre.");
        assertThat(FrenchFigureProblems.importRow("row", "has 3 cells but the header has 2", null)).startsWith("Cette ligne a 3 cellules");
        assertThat(FrenchFigureProblems.file("is not UTF-8 (line 4 has bytes that are not): save the file as \"CSV UTF-8\", "
                + "or send its charset in Content-Type")).contains("ligne 4").contains("CSV UTF-8");
    }

    @Test
    void datasetCellsAreToldBesideTheirCell() {
        assertThat(FrenchFigureProblems.cell("must be a number written with digits and a dot for decimals, without separators "
                + "(e.g. 1900000 or 12.5), got \"beaucoup\" (column amount)", "number"))
                .isEqualTo("Saisissez un nombre avec des chiffres et un point pour les décimales, sans espace (par exemple 1900000 ou 12.5).");
        assertThat(DatasetForm.keyOf("rows[3][1]")).isEqualTo("cell-3-1");
        assertThat(DatasetForm.keyOf("rows[4]")).isEqualTo("row-4");
        assertThat(DatasetForm.keyOf("columns[0].name")).isEmpty();
    }

    @Test
    void theDatasetFormKeepsTheRowsInTheirOrderWhateverTheirNumbers() {
        LinkedMultiValueMap<String, String> posted = new LinkedMultiValueMap<>();
        posted.add("revision", "4");
        posted.add("title", " Dépenses ");
        posted.add("cell-10-0", "Nouvelle");
        posted.add("cell-10-1", "5");
        posted.add("cell-2-1", " 1900000 ");
        posted.add("cell-2-0", "Défense");
        posted.add("cell-2-7", "a column the dataset does not have");
        DatasetForm form = DatasetForm.of(posted, 2);
        assertThat(form.revision()).isEqualTo(4);
        assertThat(form.title()).isEqualTo("Dépenses");
        assertThat(form.rows()).isEqualTo(List.of(List.of("Défense", "1900000"), List.of("Nouvelle", "5")));
        assertThat(form.withError("cell-1-1", "x").describedBy("cell-1-1")).isEqualTo("cell-1-1-error");
    }

    @Test
    void aPlainNumberIsSentExactAndAnythingElseAsTextForTheServiceToJudge() {
        assertThat(IndicatorEditorHandler.value("4445", "integer").isNumber()).isTrue();
        assertThat(IndicatorEditorHandler.value("12.50", "decimal").decimalValue().toPlainString()).isEqualTo("12.50");
        assertThat(IndicatorEditorHandler.value("12,5", "integer").isString()).isTrue();
        assertThat(IndicatorEditorHandler.value("4445", "text").isString()).isTrue();
        assertThat(FigurePickerHandler.fold("Défenseur.e.s DÉTENU")).isEqualTo("defenseur.e.s detenu");
    }
}
