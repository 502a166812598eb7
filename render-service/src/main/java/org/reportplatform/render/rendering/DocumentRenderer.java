package org.reportplatform.render.rendering;

import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.reportplatform.render.site.OutputId;
import org.reportplatform.render.site.OutputRenderer;
import org.reportplatform.render.sources.Chapter;
import org.reportplatform.render.sources.Dataset;
import org.reportplatform.render.sources.Edition;
import org.reportplatform.render.sources.ReportState;
import org.reportplatform.schemas.ValueFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * Renders an edition as one PDF ({@code /{edition}/report.pdf}): cover (title, and the opening
 * chapter's leading heading as subtitle), contents with page numbers, the key figures, every
 * chapter in report order (each from a new page), and an appendix with the datasets no chapter
 * shows; running headers (report title, section) and page numbers in the footer.
 *
 * <p>The report is written as HTML by the jte template {@code report.jte}, with the chapter bodies
 * from the same {@link MarkdownRenderer} as the pages (so sanitized the same way), parsed by jsoup
 * into a DOM and laid out by openhtmltopdf (CSS paged media) into PDFBox. Charts are drawn by
 * {@link ChartRenderer} straight onto the PDF page as vectors ({@code <object>} elements with a
 * drawer of ours). The fonts are the ones the service carries ({@link ReportFonts}), embedded as
 * subsets: the text is real, searchable and extractable text.
 *
 * <p>Deterministic: the same state gives the same bytes. The PDF carries no creation or
 * modification date (openhtmltopdf would write the clock's), and its document id is derived from
 * its content. Nothing is fetched while rendering: images of chapter bodies are left out of the
 * PDF (no network access, no waiting on a third party while the report is built).
 *
 * <p>Thread-safe, but meant to run on the document worker only: it takes hundreds of milliseconds.
 */
public final class DocumentRenderer implements OutputRenderer {

    public static final String CONTENT_TYPE = "application/pdf";

    static {
        XRLog.setLoggerImpl(new Slf4jXRLogger());
        FontMappers.set(new BundledFontMapper());
    }

    private final TemplateEngine templates;
    private final MarkdownRenderer markdown;
    private final ChartRenderer charts;
    private final MeterRegistry meters;
    private final DatasetMarkup figures;

    public DocumentRenderer(TemplateEngine templates, MarkdownRenderer markdown, ChartRenderer charts, MeterRegistry meters) {
        this.templates = templates;
        this.markdown = markdown;
        this.charts = charts;
        this.meters = meters;
        this.figures = DatasetMarkup.forDocument(charts);
    }

    @Override
    public Optional<Rendered> render(OutputId id, ReportState state) {
        if (!(id instanceof OutputId.ReportDocument document)) {
            return Optional.empty();
        }
        TrackedSources sources = new TrackedSources(state);
        return PageRenderer.version(document.edition(), document.language(), sources)
                .flatMap(version -> render(version, null, sources));
    }

    /**
     * The pages of one chapter of the report PDF, as the whole report lays them out (same
     * template, styles, fonts, running headers, the chapter's number in report order), without
     * the cover, contents, key figures and appendix: what a draft's preview shows. Empty when the
     * state has no such chapter. In {@code target} (null: the source language), public edition or not.
     */
    public Optional<Rendered> renderChapter(String edition, String target, String slug, ReportState state) {
        TrackedSources sources = new TrackedSources(state);
        String language = state.chapter(edition, slug).map(Chapter::language).orElse("fr");
        Edition view = sources.edition(edition).orElseGet(() -> Edition.implicit(edition, language));
        return render(new LanguageVersion(view, target), slug, sources);
    }

    /** The whole report ({@code onlySlug} null), or one chapter's pages, in one language version. */
    private Optional<Rendered> render(LanguageVersion version, String onlySlug, TrackedSources sources) {
        String edition = version.edition().edition();
        List<Chapter> chapters = version.isSource() ? sources.chapters(edition) : sources.chapterOrder(edition);
        if (chapters.isEmpty() || (onlySlug != null && chapters.stream().noneMatch(c -> c.slug().equals(onlySlug)))) {
            return Optional.empty();
        }
        boolean wholeReport = onlySlug == null;
        String language = version.isSource() ? sources.language(edition) : version.lang();
        Labels labels = version.labels();
        ValueFormatter formatter = version.formatter();
        Set<String> shown = new HashSet<>();
        List<Views.DocumentChapter> rendered = new ArrayList<>(chapters.size());
        for (int i = 0; i < chapters.size(); i++) {
            Chapter chapter = chapters.get(i);
            if (!wholeReport && !chapter.slug().equals(onlySlug)) {
                continue;
            }
            PageRenderer.ChapterText text = PageRenderer.text(version, chapter, sources, false);
            // An untranslated chapter is the source's text: written, numbers included, in its language.
            ValueFormatter textFormatter = ValueFormatter.forLanguage(text.lang());
            String textTarget = text.lang().equals(version.lang()) ? version.target() : null;
            References tracked = new ShownDatasets(PageRenderer.references(edition, sources, textFormatter, textTarget), shown);
            MarkdownRenderer.Body body = markdown.render(text.body(), tracked, textFormatter, Labels.forLanguage(text.lang()), figures,
                    "chart-" + chapter.slug() + "-");
            if (wholeReport) {
                // A draft's preview is not the site: its unresolved references are not counted.
                PageRenderer.count(body.missing(), meters);
            }
            String notice = text.translated() || version.isSource() ? null : labels.untranslated(version.lang(), text.lang());
            rendered.add(new Views.DocumentChapter(i + 1, chapter.slug(), "ch-" + chapter.slug(), text.title(), body.html(),
                    text.lang().equals(language) ? null : text.lang(), notice, PageRenderer.errata(version, chapter, text, sources)));
        }
        List<Views.KeyFigureRow> keyFigures = wholeReport
                ? PageRenderer.keyFigureRows(sources.indicators(edition), formatter, version.target()) : List.of();
        Map<String, Dataset> datasets = new LinkedHashMap<>();
        sources.datasets(edition).forEach(d -> datasets.put(d.id(), d.in(version.target())));
        List<String> appendix = !wholeReport ? List.of() : datasets.values().stream()
                .filter(d -> !shown.contains(d.id()))
                .map(d -> figures.figure(d, "chart-annexe-" + d.id(), formatter, labels))
                .toList();
        String reportTitle = version.reportTitle();
        String subtitle = markdown.leadingHeading(PageRenderer.text(version, chapters.get(0), sources, false).body()).orElse(null);
        StringOutput html = new StringOutput(64 * 1024);
        templates.render("report.jte", new Views.DocumentView(language, reportTitle, subtitle, labels, rendered, keyFigures, appendix,
                wholeReport), html);
        byte[] pdf = pdf(html.toString(), language, rendered, labels, new ChartDrawers(datasets, charts, formatter, labels));
        return Optional.of(new Rendered(CONTENT_TYPE, pdf, sources.used()));
    }

    /** The carried fonts, parsed once (parsing them at every render was a third of its time); used by one render at a time. */
    private final Map<ReportFonts.Face, TrueTypeFont> fonts = new EnumMap<>(ReportFonts.Face.class);

    private synchronized byte[] pdf(String html, String language, List<Views.DocumentChapter> chapters, Labels labels,
            ChartDrawers drawers) {
        org.w3c.dom.Document dom = W3CDom.convert(Jsoup.parse(html));
        addBookmarks(dom, chapters, labels);
        LinkDescriptions.titleLinks(dom);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        PDDocument target = new PDDocument();
        builder.usePDDocument(target);
        builder.useFastMode();
        // A tagged PDF (structure tree, language, title): readable by assistive technology. It also
        // keeps openhtmltopdf from setting up PDF's 14 standard fonts, which only ever embed our own.
        builder.usePdfUaAccessibility(true);
        builder.withW3cDocument(dom, "about:blank");
        builder.withProducer("report-platform render-service");
        // Nothing is fetched: a chapter's image URL is not loaded while the PDF is built.
        builder.useUriResolver((base, uri) -> null);
        try {
            for (ReportFonts.Face face : ReportFonts.Face.values()) {
                PDFont font = PDType0Font.load(target, font(face), true);
                builder.useFont(new PDFontSupplier(font), face.family(), face.weight(), face.italic() ? FontStyle.ITALIC : FontStyle.NORMAL,
                        true);
            }
        } catch (IOException e) {
            closeQuietly(target);
            throw new UncheckedIOException("could not load the fonts", e);
        }
        builder.useObjectDrawerFactory(drawers);
        builder.useUnicodeLineBreaker(LineBreakers.forLanguage(language));
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try (PDDocument document = target; PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.createPDFWithoutClosing();
            LinkDescriptions.describeAnnotations(document);
            makeDeterministic(document, html, language);
            document.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PDF", e);
        }
        return out.toByteArray();
    }

    private static void closeQuietly(PDDocument document) {
        try {
            document.close();
        } catch (IOException ignored) {
            // an in-memory document: nothing to release
        }
    }

    private TrueTypeFont font(ReportFonts.Face face) {
        return fonts.computeIfAbsent(face, f -> {
            try {
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ReportFonts.bytes(f)));
                // PDFBox would apply the font's substitutions (GSUB) and set "ff", "fi", "fl"... as one
                // ligature glyph, which the embedded font's ToUnicode maps back to U+FB00-U+FB06 only:
                // copied, searched or read aloud, « finances » became « ﬁnances ». One glyph per letter
                // keeps the text as written (our languages' accented letters are precomposed: nothing
                // else of GSUB is needed).
                font.setEnableGsub(false);
                return font;
            } catch (IOException e) {
                throw new UncheckedIOException("could not parse the font " + f, e);
            }
        });
    }

    /**
     * No dates (openhtmltopdf writes the clock's creation date; PDFBox would derive the id from the
     * clock too): a document id derived from the content instead, so the same state gives the same bytes.
     */
    private static void makeDeterministic(PDDocument document, String html, String language) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setCreationDate(null);
        info.setModificationDate(null);
        document.getDocumentCatalog().setLanguage(language);
        byte[] id = Arrays.copyOf(sha256(html.getBytes(StandardCharsets.UTF_8)), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /** The PDF's outline: contents, key figures (when the document has them), each chapter. */
    private static void addBookmarks(org.w3c.dom.Document dom, List<Views.DocumentChapter> chapters, Labels labels) {
        Element head = (Element) dom.getElementsByTagName("head").item(0);
        Element bookmarks = dom.createElement("bookmarks");
        if (hasId(dom, "nav", "sommaire")) {
            bookmarks.appendChild(bookmark(dom, labels.contents(), "#sommaire"));
        }
        if (hasId(dom, "section", "chiffres-cles")) {
            bookmarks.appendChild(bookmark(dom, labels.keyFigures(), "#chiffres-cles"));
        }
        for (Views.DocumentChapter chapter : chapters) {
            bookmarks.appendChild(bookmark(dom, chapter.number() + ". " + chapter.title(), "#" + chapter.anchor()));
        }
        head.appendChild(bookmarks);
    }

    private static boolean hasId(org.w3c.dom.Document dom, String tag, String id) {
        var sections = dom.getElementsByTagName(tag);
        for (int i = 0; i < sections.getLength(); i++) {
            if (id.equals(((Element) sections.item(i)).getAttribute("id"))) {
                return true;
            }
        }
        return false;
    }

    private static Element bookmark(org.w3c.dom.Document dom, String name, String href) {
        Element bookmark = dom.createElement("bookmark");
        bookmark.setAttribute("name", name);
        bookmark.setAttribute("href", href);
        return bookmark;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** Draws the {@code <object type="application/x-report-chart" data-dataset="ID">} of the report as vector charts. */
    private record ChartDrawers(Map<String, Dataset> datasets, ChartRenderer charts, ValueFormatter formatter, Labels labels)
            implements FSObjectDrawerFactory {

        @Override
        public boolean isReplacedObject(Element e) {
            return DatasetMarkup.CHART_OBJECT_TYPE.equals(e.getAttribute("type")) && datasets.containsKey(e.getAttribute("data-dataset"));
        }

        @Override
        public FSObjectDrawer createDrawer(Element e) {
            Dataset dataset = datasets.get(e.getAttribute("data-dataset"));
            if (!DatasetMarkup.CHART_OBJECT_TYPE.equals(e.getAttribute("type")) || dataset == null) {
                return null;
            }
            return (element, x, y, width, height, device, context, dotsPerPixel) -> {
                float w = (float) (width / dotsPerPixel);
                float h = (float) (height / dotsPerPixel);
                device.drawWithGraphics((float) x, (float) y, w, h, g -> charts.draw(dataset, formatter, labels, g, w, h));
                return null;
            };
        }
    }

    /** Remembers which datasets the chapters show, so that the appendix shows only the others. */
    private record ShownDatasets(References delegate, Set<String> shown) implements References {
        @Override
        public Optional<String> figure(String id) {
            return delegate.figure(id);
        }

        @Override
        public Optional<Dataset> dataset(String id) {
            Optional<Dataset> dataset = delegate.dataset(id);
            dataset.ifPresent(d -> shown.add(d.id()));
            return dataset;
        }
    }

    /** openhtmltopdf's log, to SLF4J (logger {@code com.openhtmltopdf.<where>}); its INFO chatter at DEBUG. */
    private static final class Slf4jXRLogger implements XRLogger {
        private static Logger logger(String where) {
            return LoggerFactory.getLogger("com.openhtmltopdf." + where);
        }

        @Override
        public void log(String where, Level level, String msg) {
            log(where, level, msg, null);
        }

        @Override
        public void log(String where, Level level, String msg, Throwable th) {
            Logger logger = logger(where);
            int value = level.intValue();
            if (value >= Level.SEVERE.intValue()) {
                logger.error(msg, th);
            } else if (value >= Level.WARNING.intValue()) {
                logger.warn(msg, th);
            } else if (value >= Level.INFO.intValue()) {
                logger.debug(msg, th);
            } else {
                logger.trace(msg, th);
            }
        }

        @Override
        public void setLevel(String logger, Level level) {
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            Logger logger = logger(diagnostic.getLogMessageId().getWhere());
            int value = diagnostic.getLevel().intValue();
            return value >= Level.WARNING.intValue() ? logger.isWarnEnabled() : value >= Level.INFO.intValue() ? logger.isDebugEnabled()
                    : logger.isTraceEnabled();
        }
    }
}
