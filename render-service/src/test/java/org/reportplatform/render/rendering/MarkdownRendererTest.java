package org.reportplatform.render.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.reportplatform.render.sources.Dataset;
import org.reportplatform.schemas.ValueFormatter;

class MarkdownRendererTest {

    private static final String NNBSP = "\u202F";

    private final MarkdownRenderer markdown = new MarkdownRenderer(new HtmlSanitizer());

    private final Map<String, String> figures = Map.of(
            "sos-defenders.cases", "4" + NNBSP + "445",
            "a_b", "17",
            "evil", "<img src=x onerror=alert(1)>&amp;");

    private final Dataset revenus = new Dataset("2024", "finances-revenus", "Revenus par source (données illustratives)",
            List.of(new Dataset.Column("label", false), new Dataset.Column("amount", true)),
            List.of(List.of("Gouvernements", "3200000"), List.of("Fondations privées", "1400000")), "CHF", "Données illustratives");

    private final References references = new References() {
        @Override
        public Optional<String> figure(String id) {
            return Optional.ofNullable(figures.get(id));
        }

        @Override
        public Optional<Dataset> dataset(String id) {
            return id.equals(revenus.id()) ? Optional.of(revenus) : Optional.empty();
        }
    };

    private MarkdownRenderer.Body render(String body) {
        return markdown.render(body, references, ValueFormatter.FRENCH, Labels.FRENCH, DatasetMarkup.forPages(new ChartRenderer()), "chart-");
    }

    @Test
    void replaces_a_figure_reference_by_the_formatted_value() {
        // Given a body referencing a known indicator; When rendered
        MarkdownRenderer.Body body = render("La base a documenté {{fig:sos-defenders.cases}} cas, dont **{{fig:a_b}}** ici.");
        // Then
        assertThat(body.html()).isEqualTo("<p>La base a documenté 4" + NNBSP + "445 cas, dont <strong>17</strong> ici.</p>");
        assertThat(body.missing()).isEmpty();
    }

    @Test
    void a_figure_value_is_text_and_cannot_inject_markup() {
        MarkdownRenderer.Body body = render("Valeur : {{fig:evil}}");
        Document html = Jsoup.parseBodyFragment(body.html());
        assertThat(html.select("img")).isEmpty();
        assertThat(html.text()).isEqualTo("Valeur : <img src=x onerror=alert(1)>&amp;");
    }

    @Test
    void an_unknown_figure_becomes_a_visible_marker_and_is_reported() {
        MarkdownRenderer.Body body = render("Il y a {{fig:nope}} cas.");
        assertThat(body.html()).isEqualTo("<p>Il y a <span class=\"missing-ref\">[indicateur inconnu&nbsp;: nope]</span> cas.</p>");
        assertThat(body.missing()).containsExactly(new MissingReference(MissingReference.Kind.FIGURE, "nope"));
    }

    @Test
    void a_chart_on_its_own_line_becomes_an_accessible_table() {
        MarkdownRenderer.Body body = render("Nos revenus :\n{{chart:finances-revenus}}\nEt la suite.");
        Document html = Jsoup.parseBodyFragment(body.html());
        assertThat(html.select("table caption").text()).isEqualTo("Revenus par source (données illustratives)");
        assertThat(html.select("thead th").eachText()).containsExactly("label", "amount");
        assertThat(html.select("thead th").eachAttr("scope")).containsExactly("col", "col");
        assertThat(html.select("tbody th[scope=row]").eachText()).containsExactly("Gouvernements", "Fondations privées");
        assertThat(html.select("tbody td.num").eachText()).containsExactly("3" + NNBSP + "200" + NNBSP + "000", "1" + NNBSP + "400" + NNBSP + "000");
        // (jsoup's text() shows the no-break spaces before the colons as spaces)
        assertThat(html.select("p").eachText()).containsExactly("Nos revenus :", "Unité : CHF. Source : Données illustratives", "Et la suite.");
        assertThat(html.select("p table")).isEmpty();
        assertThat(body.missing()).isEmpty();
    }

    @Test
    void an_unknown_chart_becomes_a_visible_marker_and_is_reported() {
        MarkdownRenderer.Body body = render("{{chart:nope}}");
        assertThat(body.html()).isEqualTo("<p><span class=\"missing-ref\">[jeu de données inconnu&nbsp;: nope]</span></p>");
        assertThat(body.missing()).containsExactly(new MissingReference(MissingReference.Kind.CHART, "nope"));
    }

    @Test
    void a_chart_inside_running_text_is_marked_not_rendered() {
        MarkdownRenderer.Body body = render("Voir {{chart:finances-revenus}} ci-dessus.");
        assertThat(body.html()).contains("missing-ref").doesNotContain("<table");
        assertThat(body.missing()).containsExactly(new MissingReference(MissingReference.Kind.CHART_INLINE, "finances-revenus"));
    }

    @Test
    void references_in_code_are_left_as_written() {
        MarkdownRenderer.Body body = render("Écrire `{{fig:sos-defenders.cases}}` pour citer un chiffre.");
        assertThat(body.html()).contains("<code>{{fig:sos-defenders.cases}}</code>");
        assertThat(body.missing()).isEmpty();
    }

    @Test
    void renders_gfm_tables_and_demotes_level_one_headings() {
        MarkdownRenderer.Body body = render("# Titre\n\n## Sous-titre\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n");
        Document html = Jsoup.parseBodyFragment(body.html());
        assertThat(html.select("h1")).isEmpty();
        assertThat(html.select("h2").eachText()).containsExactly("Titre", "Sous-titre");
        assertThat(html.select("table td").eachText()).containsExactly("1", "2");
    }

    @Test
    void a_malicious_body_renders_harmless() {
        MarkdownRenderer.Body body = render("""
                Bonjour <script>alert('x')</script>

                <img src="x" onerror="alert(1)">

                [clic](javascript:alert(1)) et <a href="javascript:alert(2)">lien</a>

                <iframe src="https://evil.example"></iframe>

                <div onmouseover="alert(3)">survol</div>
                """);
        assertThat(body.html()).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("javascript:").doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("onmouseover")
                .doesNotContain("alert(")
                .contains("Bonjour").contains("clic").contains("survol");
    }

    @Test
    void a_chart_is_drawn_as_an_svg_above_its_table() {
        MarkdownRenderer.Body body = render("{{chart:finances-revenus}}");
        Document html = Jsoup.parseBodyFragment(body.html());
        assertThat(html.select("figure#chart-finances-revenus > figcaption").text()).isEqualTo("Revenus par source (données illustratives)");
        assertThat(html.select("figure#chart-finances-revenus > div.chart > svg[role=img] > title").text())
                .isEqualTo("Revenus par source (données illustratives)");
        assertThat(html.select("figure#chart-finances-revenus > table.dataset")).hasSize(1);
    }

    @Test
    void a_chart_shown_twice_gets_distinct_ids() {
        MarkdownRenderer.Body body = render("{{chart:finances-revenus}}\n\nEt encore :\n\n> {{chart:finances-revenus}}");
        Document html = Jsoup.parseBodyFragment(body.html());
        assertThat(html.select("figure.dataset").eachAttr("id")).containsExactly("chart-finances-revenus", "chart-finances-revenus-2");
        assertThat(html.select("blockquote figure.dataset")).hasSize(1);
    }

    @Test
    void an_author_cannot_forge_a_chart() {
        MarkdownRenderer.Body body = render("<p>chart-slot-0-0</p>\n\n<svg onload=\"alert(1)\"><script>alert(2)</script></svg>");
        assertThat(body.html()).doesNotContain("<svg").doesNotContain("<figure").doesNotContain("alert(");
    }

    @Test
    void finds_a_leading_heading() {
        assertThat(markdown.leadingHeading("## Défendre les droits humains\n\nTexte")).contains("Défendre les droits humains");
        assertThat(markdown.leadingHeading("Texte\n\n## Titre")).isEmpty();
        assertThat(markdown.leadingHeading("## Chiffre {{fig:x}}")).isEmpty();
    }

    @Test
    void is_deterministic() {
        String body = "Texte {{fig:sos-defenders.cases}}\n\n{{chart:finances-revenus}}\n\n{{fig:nope}}";
        assertThat(render(body).html()).isEqualTo(render(body).html());
    }
}
