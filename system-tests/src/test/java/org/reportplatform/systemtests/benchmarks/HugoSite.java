package org.reportplatform.systemtests.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The peer for publishing: the same report built as a static site by Hugo (Debian's {@code hugo}).
 * The benchmark writes the site itself from what the platform's API holds: one Markdown file per
 * chapter (front matter: title, weight = position; {@code {{fig:ID}}} replaced by the figure's
 * value and unit, {@code {{chart:ID}}} by the dataset's table), the key figures 250 to a page and
 * the finances as tables, like the platform's pages, and a minimal theme of its own (a base
 * template with the site navigation, the chapter with previous/next links, the index with the
 * contents and the first 12 key figures). Then it times full builds ({@code hugo} from scratch,
 * one process each time, as a publishing pipeline runs it).
 */
public final class HugoSite {

    /** {@code build}: ms per full build (a fresh {@code hugo} process each time); {@code pages}: the HTML files it wrote. */
    public record Result(String report, int chapters, int indicators, int pages, Stats build) {
    }

    private static final Pattern FIGURE = Pattern.compile("\\{\\{fig:([^}]+)}}");
    private static final Pattern CHART = Pattern.compile("\\{\\{chart:([^}]+)}}");
    private static final int FIGURES_PER_PAGE = 250;

    private final Api api;
    private final Path work;

    public HugoSite(Api api, Path work) {
        this.api = api;
        this.work = work;
    }

    public static String version() {
        return Tools.firstLine(List.of("hugo", "version"));
    }

    public Result build(String report, String edition, int runs) {
        Path site = work.resolve("hugo-" + edition);
        List<Map<String, Object>> chapters = list("/api/editions/" + edition + "/chapters");
        List<Map<String, Object>> indicators = list("/api/editions/" + edition + "/indicators");
        List<Map<String, Object>> datasets = list("/api/editions/" + edition + "/datasets");
        write(site, edition, chapters, indicators, datasets);
        Path out = site.resolve("public");
        hugo(site, out); // untimed: the files enter the page cache, as on a build server that just checked them out
        Stats build = new Stats();
        for (int i = 0; i < runs; i++) {
            long started = System.nanoTime();
            hugo(site, out);
            build.addNanos(System.nanoTime() - started);
        }
        int pages;
        try (Stream<Path> files = Files.walk(out)) {
            pages = (int) files.filter(f -> f.toString().endsWith(".html")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Result(report, chapters.size(), indicators.size(), pages, build);
    }

    private void hugo(Path site, Path out) {
        try {
            Process hugo = new ProcessBuilder("hugo", "--source", site.toString(), "--destination", out.toString(), "--cleanDestinationDir",
                    "--quiet").redirectErrorStream(true).redirectOutput(site.resolve("hugo.log").toFile()).start();
            if (!hugo.waitFor(5, TimeUnit.MINUTES) || hugo.exitValue() != 0) {
                throw new IllegalStateException("hugo failed; see " + site.resolve("hugo.log") + ":\n" + Files.readString(site.resolve("hugo.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> list(String path) {
        return Json.readList(Api.expect(200, api.getText(path)).body());
    }

    private static void write(Path site, String edition, List<Map<String, Object>> chapters, List<Map<String, Object>> indicators,
            List<Map<String, Object>> datasets) {
        deleteRecursively(site);
        Map<String, Map<String, Object>> byId = new HashMap<>();
        indicators.forEach(i -> byId.put((String) i.get("id"), i));
        Map<String, Map<String, Object>> datasetById = new HashMap<>();
        datasets.forEach(d -> datasetById.put((String) d.get("id"), d));
        put(site.resolve("config.toml"), """
                baseURL = "http://localhost/%1$s/"
                languageCode = "fr"
                title = "Rapport annuel %1$s"
                disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
                """.formatted(edition));
        put(site.resolve("layouts/_default/baseof.html"), """
                <!DOCTYPE html>
                <html lang="fr">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{{ .Title }} · {{ .Site.Title }}</title></head>
                <body>
                <a href="#contenu">Aller au contenu</a>
                <nav><a href="{{ "/" | relURL }}">Sommaire</a> · <a href="{{ "chiffres-cles-1/" | relURL }}">Chiffres clés</a> · <a href="{{ "finances/" | relURL }}">Finances</a></nav>
                <main id="contenu">{{ block "main" . }}{{ end }}</main>
                </body>
                </html>
                """);
        put(site.resolve("layouts/_default/single.html"), """
                {{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>
                <nav>{{ with .Prev }}<a href="{{ .RelPermalink }}">← {{ .Title }}</a>{{ end }} {{ with .Next }}<a href="{{ .RelPermalink }}">{{ .Title }} →</a>{{ end }}</nav>{{ end }}
                """);
        put(site.resolve("layouts/_default/list.html"), """
                {{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}
                """);
        put(site.resolve("layouts/index.html"), """
                {{ define "main" }}<h1>{{ .Site.Title }}</h1>
                <h2>Sommaire</h2><ol>{{ range where .Site.RegularPages "Params.chapter" true }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ol>
                {{ .Content }}{{ end }}
                """);
        StringBuilder index = new StringBuilder("---\ntitle: \"Rapport annuel " + edition + "\"\n---\n\n## Chiffres clés\n\n");
        indicators.stream().limit(12).forEach(i -> index.append("- ").append(i.get("label")).append(" : ").append(value(i)).append('\n'));
        put(site.resolve("content/_index.md"), index.toString());
        for (Map<String, Object> chapter : chapters) {
            String body = replaceFigures((String) chapter.get("body"), byId, datasetById);
            // a JSON string is a valid YAML double-quoted scalar
            put(site.resolve("content/" + chapter.get("slug") + ".md"), "---\ntitle: " + Json.string((String) chapter.get("title"))
                    + "\nweight: " + chapter.get("position") + "\nchapter: true\n---\n\n" + body + "\n");
        }
        List<Map<String, Object>> sorted = new ArrayList<>(indicators);
        sorted.sort(Comparator.comparing(i -> (String) i.get("id")));
        int pages = Math.max(1, (sorted.size() + FIGURES_PER_PAGE - 1) / FIGURES_PER_PAGE);
        for (int p = 0; p < pages; p++) {
            StringBuilder table = new StringBuilder("---\ntitle: \"Chiffres clés (" + (p + 1) + ")\"\nweight: " + (1_000_000 + p)
                    + "\n---\n\n| indicateur | valeur | période | source |\n| --- | --- | --- | --- |\n");
            sorted.subList(p * FIGURES_PER_PAGE, Math.min(sorted.size(), (p + 1) * FIGURES_PER_PAGE)).forEach(i -> table.append("| ")
                    .append(cell(i.get("label"))).append(" | ").append(cell(value(i))).append(" | ").append(cell(i.get("period")))
                    .append(" | ").append(cell(i.get("source"))).append(" |\n"));
            put(site.resolve("content/chiffres-cles-" + (p + 1) + ".md"), table.toString());
        }
        StringBuilder finances = new StringBuilder("---\ntitle: \"Finances\"\nweight: 2000000\n---\n\n");
        datasets.forEach(d -> finances.append(table(d)).append('\n'));
        put(site.resolve("content/finances.md"), finances.toString());
    }

    private static String replaceFigures(String body, Map<String, Map<String, Object>> indicators, Map<String, Map<String, Object>> datasets) {
        Matcher charts = CHART.matcher(body);
        StringBuilder withTables = new StringBuilder();
        while (charts.find()) {
            Map<String, Object> dataset = datasets.get(charts.group(1));
            charts.appendReplacement(withTables, Matcher.quoteReplacement(dataset == null ? "[graphique inconnu]" : table(dataset)));
        }
        charts.appendTail(withTables);
        Matcher figures = FIGURE.matcher(withTables);
        StringBuilder out = new StringBuilder();
        while (figures.find()) {
            Map<String, Object> indicator = indicators.get(figures.group(1));
            figures.appendReplacement(out, Matcher.quoteReplacement(indicator == null ? "[indicateur inconnu]" : value(indicator)));
        }
        figures.appendTail(out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static String table(Map<String, Object> dataset) {
        List<Map<String, Object>> columns = (List<Map<String, Object>>) dataset.get("columns");
        List<List<Object>> rows = (List<List<Object>>) dataset.get("rows");
        StringBuilder table = new StringBuilder("**").append(dataset.get("title")).append("**\n\n|");
        columns.forEach(c -> table.append(' ').append(cell(c.get("name"))).append(" |"));
        table.append("\n|");
        columns.forEach(c -> table.append(" --- |"));
        table.append('\n');
        rows.forEach(row -> {
            table.append('|');
            row.forEach(value -> table.append(' ').append(cell(value)).append(" |"));
            table.append('\n');
        });
        return table.toString();
    }

    private static String value(Map<String, Object> indicator) {
        Object unit = indicator.get("currency") != null ? indicator.get("currency") : indicator.get("unit");
        return indicator.get("value") + (unit == null ? "" : " " + unit);
    }

    private static String cell(Object value) {
        return value == null ? "" : value.toString().replace("|", "\\|");
    }

    private static void put(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
