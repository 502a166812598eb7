package org.reportplatform.systemtests.benchmarks.jmh;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.reportplatform.render.rendering.ChartRenderer;
import org.reportplatform.render.rendering.HtmlSanitizer;
import org.reportplatform.render.rendering.MarkdownRenderer;
import org.reportplatform.render.rendering.PageRenderer;
import org.reportplatform.render.site.OutputId;
import org.reportplatform.render.site.OutputRenderer;
import org.reportplatform.render.sources.ReportState;
import org.reportplatform.render.sources.SourceEvents;
import org.reportplatform.schemas.Topics;

/**
 * The render service's inner loop for one edit: one chapter page of the demo report rendered from
 * the report's state (Markdown to HTML with its figures resolved and formatted, sanitised, put in
 * the jte page template), as {@code PageRenderer} does it in the service; wired as the service
 * wires it, without Spring. The chapter is the president's message, the demo's longest, citing 8
 * figures.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PageRendering {

    private PageRenderer pages;
    private ReportState state;
    private OutputId chapter;

    @Setup
    public void loadTheDemoReport() {
        pages = new PageRenderer(TemplateEngine.createPrecompiled(ContentType.Html), new MarkdownRenderer(new HtmlSanitizer()),
                new ChartRenderer(), new SimpleMeterRegistry());
        state = new ReportState();
        DemoEvents.chapters().forEach(c -> state.apply(SourceEvents.decode(Topics.CHAPTERS.name(), c.getEdition() + "/" + c.getSlug(), c)));
        DemoEvents.indicators().forEach(i -> state.apply(SourceEvents.decode(Topics.INDICATORS.name(),
                i.getEdition() + "/" + i.getIndicatorId(), i)));
        chapter = new OutputId.ChapterPage(DemoEvents.EDITION, "message-presidente");
        if (render().isEmpty()) {
            throw new IllegalStateException("the demo chapter page does not render");
        }
    }

    @Benchmark
    public Optional<OutputRenderer.Rendered> render() {
        return pages.render(chapter, state);
    }
}
