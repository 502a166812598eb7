package org.reportplatform.render.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlSanitizerTest {

    private final HtmlSanitizer sanitizer = new HtmlSanitizer();

    @Test
    void removes_scripts_and_their_content() {
        String clean = sanitizer.sanitize("<p>avant</p><script>alert('x')</script><p>après</p>");
        assertThat(clean).doesNotContainIgnoringCase("<script").doesNotContain("alert").contains("<p>avant</p>").contains("<p>après</p>");
    }

    @Test
    void removes_event_handler_and_style_attributes() {
        String clean = sanitizer.sanitize("<p onclick=\"steal()\" style=\"position:fixed\">texte</p>"
                + "<img src=\"https://example.org/a.png\" onerror=\"alert(1)\" alt=\"a\">");
        assertThat(clean).doesNotContainIgnoringCase("onclick").doesNotContainIgnoringCase("onerror")
                .doesNotContain("style=").contains("<p>texte</p>").contains("src=\"https://example.org/a.png\"");
    }

    @Test
    void removes_javascript_and_data_urls() {
        String clean = sanitizer.sanitize("<a href=\"javascript:alert(1)\">a</a> <a href=\" JaVaScRiPt:alert(1)\">b</a> "
                + "<a href=\"data:text/html;base64,PHNjcmlwdD4=\">c</a> <img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=\"d\">");
        assertThat(clean).doesNotContainIgnoringCase("javascript").doesNotContain("data:").contains(">a</a>").contains(">c</a>");
    }

    @Test
    void removes_frames_objects_forms_and_styles() {
        String clean = sanitizer.sanitize("<iframe src=\"https://evil.example\"></iframe><object data=\"x\"></object>"
                + "<embed src=\"x\"><form action=\"https://evil.example\"><input name=\"p\"></form><style>body{display:none}</style>"
                + "<svg><script>alert(1)</script></svg><math><mi>x</mi></math>");
        assertThat(clean).doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("<object").doesNotContainIgnoringCase("<embed")
                .doesNotContainIgnoringCase("<form").doesNotContainIgnoringCase("<input").doesNotContainIgnoringCase("<style")
                .doesNotContainIgnoringCase("<svg").doesNotContain("alert").doesNotContain("display:none");
    }

    @Test
    void keeps_ordinary_markup_and_safe_links() {
        String html = "<h2>Titre</h2><p><strong>gras</strong> <em>italique</em> <a href=\"https://www.omct.org/\">site</a> "
                + "<a href=\"/2024/defenseurs\">chapitre</a> <a href=\"#note\">note</a> <a href=\"mailto:info@example.org\">écrire</a></p>"
                + "<ul><li>un</li></ul><blockquote><p>citation</p></blockquote>"
                + "<table><caption>T</caption><thead><tr><th scope=\"col\">a</th></tr></thead><tbody><tr><td class=\"num\">1</td></tr></tbody></table>";
        assertThat(sanitizer.sanitize(html)).isEqualTo(html);
    }

    @Test
    void turns_a_body_h1_into_h2_so_the_page_keeps_a_single_h1() {
        assertThat(sanitizer.sanitize("<h1>Intrus</h1><p>x</p>")).isEqualTo("<h2>Intrus</h2><p>x</p>");
    }

    @Test
    void keeps_french_typography_intact() {
        String text = "<p>« Défenseur.e.s » l’œuvre\u00A0: 4\u202F445</p>";
        assertThat(sanitizer.sanitize(text)).isEqualTo("<p>« Défenseur.e.s » l’œuvre&nbsp;: 4\u202F445</p>");
    }
}
