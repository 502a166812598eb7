package org.reportplatform.render.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.reportplatform.render.sources.Dataset;
import org.reportplatform.schemas.ValueFormatter;

class ChartRendererTest {

    private static final String NNBSP = "\u202F";

    private final ChartRenderer charts = new ChartRenderer();

    private static Dataset dataset(List<Dataset.Column> columns, List<List<String>> rows) {
        return new Dataset("2024", "revenus", "Revenus par source", columns, rows, "CHF", "Données illustratives");
    }

    private static final List<Dataset.Column> LABEL_AMOUNT = List.of(new Dataset.Column("label", false), new Dataset.Column("amount", true));

    private final Dataset revenus = dataset(LABEL_AMOUNT, List.of(List.of("Gouvernements", "3200000"), List.of("Fondations privées", "1400000"),
            List.of("Dons individuels", "450000")));

    private Document svg(Dataset dataset, ValueFormatter formatter, Labels labels) {
        return Jsoup.parse(charts.svg(dataset, "fig-1", formatter, labels), "", Parser.xmlParser());
    }

    @Test
    void draws_one_bar_per_row_labelled_with_the_exact_value_the_french_way() {
        Document svg = svg(revenus, ValueFormatter.FRENCH, Labels.FRENCH);
        List<String> texts = svg.select("text").eachText();
        // category labels, the values at the end of the bars, the axis numbered 1 000 000, 2 000 000...
        assertThat(texts).contains("Gouvernements", "Fondations privées", "Dons individuels", "CHF",
                "3" + NNBSP + "200" + NNBSP + "000", "1" + NNBSP + "400" + NNBSP + "000", "450" + NNBSP + "000",
                "1" + NNBSP + "000" + NNBSP + "000", "2" + NNBSP + "000" + NNBSP + "000");
        assertThat(String.join(" ", texts)).doesNotContain(",").doesNotContain("E6");
        // fonts: a generic family, no font file needed
        assertThat(svg.select("text").eachAttr("style")).allMatch(style -> style.contains("font-family: sans-serif;"));
    }

    @Test
    void has_a_title_and_a_description_for_assistive_technology() {
        Element root = svg(revenus, ValueFormatter.FRENCH, Labels.FRENCH).selectFirst("svg");
        assertThat(root.attr("role")).isEqualTo("img");
        assertThat(root.attr("aria-labelledby")).isEqualTo("fig-1-title fig-1-desc");
        // 640 wide; 56 for the axes and margins, 34 a bar (three rows, one series, no legend)
        assertThat(root.attr("viewBox")).isEqualTo("0 0 640 158");
        assertThat(root.child(0).tagName()).isEqualTo("title");
        assertThat(root.selectFirst("title#fig-1-title").text()).isEqualTo("Revenus par source");
        assertThat(root.selectFirst("desc#fig-1-desc").wholeText()).startsWith("Diagramme en barres. Gouvernements\u00A0: 3" + NNBSP + "200");
    }

    @Test
    void is_deterministic_and_its_ids_derive_from_the_id_given() {
        String first = charts.svg(revenus, "fig-1", ValueFormatter.FRENCH, Labels.FRENCH);
        String second = charts.svg(revenus, "fig-1", ValueFormatter.FRENCH, Labels.FRENCH);
        assertThat(second).isEqualTo(first);
        Document svg = Jsoup.parse(first, "", Parser.xmlParser());
        assertThat(svg.select("[id]").eachAttr("id")).isNotEmpty().allMatch(id -> id.startsWith("fig-1"));
        assertThat(svg.select("clipPath")).isNotEmpty();
        assertThat(first).doesNotContainPattern("url\\(#_[0-9]");
    }

    @Test
    void writes_english_numbers_for_an_english_report() {
        List<String> texts = svg(revenus, ValueFormatter.ENGLISH, Labels.ENGLISH).select("text").eachText();
        assertThat(texts).contains("3,200,000", "1,000,000");
        assertThat(svg(revenus, ValueFormatter.ENGLISH, Labels.ENGLISH).selectFirst("desc").text()).startsWith("Bar chart. Gouvernements: 3,200,000");
    }

    @Test
    void writes_spanish_numbers_for_a_spanish_report_axis_included() {
        Dataset small = dataset(LABEL_AMOUNT, List.of(List.of("A", "4000"), List.of("B", "12000")));
        List<String> texts = svg(small, ValueFormatter.SPANISH, Labels.SPANISH).select("text").eachText();
        // CLDR: Spanish groups digits from five on, the axis as the values
        assertThat(texts).contains("4000", "12.000").doesNotContain("4.000");
    }

    @Test
    void draws_a_series_per_numeric_column_with_a_legend_and_negative_and_repeated_rows() {
        Dataset twoYears = dataset(List.of(new Dataset.Column("poste", false), new Dataset.Column("2023", true), new Dataset.Column("2024", true)),
                List.of(List.of("Résultat", "-12500.5", "3000"), List.of("Résultat", "100", "200")));
        List<String> texts = svg(twoYears, ValueFormatter.FRENCH, Labels.FRENCH).select("text").eachText();
        assertThat(texts).contains("2023", "2024", "-12" + NNBSP + "500,5", "3" + NNBSP + "000");
        assertThat(texts.stream().filter("Résultat"::equals)).hasSize(2);
    }

    @Test
    void only_a_table_of_labels_and_numbers_is_charted() {
        assertThat(ChartRenderer.chartable(revenus)).isTrue();
        assertThat(ChartRenderer.chartable(dataset(List.of(new Dataset.Column("a", true), new Dataset.Column("b", true)), List.of(List.of("1", "2")))))
                .isFalse();
        assertThat(ChartRenderer.chartable(dataset(LABEL_AMOUNT, List.of()))).isFalse();
        assertThat(ChartRenderer.chartable(dataset(List.of(new Dataset.Column("a", false), new Dataset.Column("b", false)),
                List.of(List.of("x", "y"))))).isFalse();
    }
}
