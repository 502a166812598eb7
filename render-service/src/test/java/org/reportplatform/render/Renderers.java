package org.reportplatform.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.reportplatform.render.rendering.ChartRenderer;
import org.reportplatform.render.rendering.DocumentRenderer;
import org.reportplatform.render.rendering.HtmlSanitizer;
import org.reportplatform.render.rendering.MarkdownRenderer;
import org.reportplatform.render.rendering.PageRenderer;
import org.reportplatform.render.site.Site;

/** The renderers as the service wires them, without Spring: for tests that need no Kafka. */
public final class Renderers {

    public static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);

    private Renderers() {
    }

    public static MarkdownRenderer markdown() {
        return new MarkdownRenderer(new HtmlSanitizer());
    }

    public static PageRenderer pages() {
        return new PageRenderer(TEMPLATES, markdown(), new ChartRenderer(), new SimpleMeterRegistry());
    }

    public static DocumentRenderer documents() {
        return new DocumentRenderer(TEMPLATES, markdown(), new ChartRenderer(), new SimpleMeterRegistry());
    }

    public static Site site() {
        return new Site(pages(), documents());
    }
}
