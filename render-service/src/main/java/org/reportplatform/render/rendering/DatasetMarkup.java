package org.reportplatform.render.rendering;

import java.util.ArrayList;
import java.util.List;
import org.reportplatform.render.sources.Dataset;
import org.reportplatform.schemas.ValueFormatter;
import org.springframework.web.util.HtmlUtils;

/**
 * The HTML of one dataset where a chapter says {@code {{chart:ID}}}, and on the finance page:
 *
 * <pre>
 * &lt;figure class="dataset" id="…"&gt;
 *   &lt;figcaption&gt;title&lt;/figcaption&gt;
 *   the chart (when the dataset can be charted: {@link ChartRenderer#chartable})
 *   &lt;table class="dataset"&gt;&lt;caption&gt;title&lt;/caption&gt;… every value, exact and formatted …&lt;/table&gt;
 *   &lt;p class="dataset-note"&gt;Unité : CHF. Source : …&lt;/p&gt;
 * &lt;/figure&gt;
 * </pre>
 *
 * The table is always there: it is the chart's text alternative (and the data, for whoever wants
 * the numbers). The chart is an inline SVG on the pages and an {@code <object>} the PDF renderer
 * draws as vectors. Written by trusted code, every text escaped: it does not go through the
 * sanitizer (which would drop the SVG).
 */
public final class DatasetMarkup {

    /**
     * The pages' encoding, for {@link HtmlUtils#htmlEscape(String, String)}: in UTF-8 it escapes
     * only {@code & < > " '} and keeps every other character as it is.
     */
    static final String PAGE_ENCODING = "UTF-8";

    /** The element an {@code <object>} of the report PDF has when it stands for a chart. */
    public static final String CHART_OBJECT_TYPE = "application/x-report-chart";

    /** Writes the chart part of a figure. */
    @FunctionalInterface
    public interface ChartSlot {
        String html(Dataset dataset, String id, ValueFormatter formatter, Labels labels);
    }

    private final ChartSlot chart;

    public DatasetMarkup(ChartSlot chart) {
        this.chart = chart;
    }

    /** Charts as inline SVG (the pages). */
    public static DatasetMarkup forPages(ChartRenderer charts) {
        return new DatasetMarkup((dataset, id, formatter, labels) -> "<div class=\"chart\">" + charts.svg(dataset, id + "-svg", formatter, labels)
                + "</div>");
    }

    /**
     * Charts as {@code <object>} placeholders that the PDF renderer draws (the document); its
     * {@code alt} becomes the tagged PDF's Figure's alternative text.
     */
    public static DatasetMarkup forDocument(ChartRenderer charts) {
        return new DatasetMarkup((dataset, id, formatter, labels) -> "<div class=\"chart\"><object type=\"" + CHART_OBJECT_TYPE
                + "\" data-dataset=\"" + HtmlUtils.htmlEscape(dataset.id(), PAGE_ENCODING) + "\" alt=\""
                + HtmlUtils.htmlEscape(charts.textAlternative(dataset, formatter, labels), PAGE_ENCODING) + "\" style=\"width: 100%; height: "
                + ChartRenderer.height(dataset) + "px;\"></object></div>");
    }

    /** The figure of a dataset; {@code id} must be unique in the page. */
    public String figure(Dataset dataset, String id, ValueFormatter formatter, Labels labels) {
        StringBuilder html = new StringBuilder(1024);
        html.append("<figure class=\"dataset\" id=\"").append(HtmlUtils.htmlEscape(id, PAGE_ENCODING)).append("\">\n");
        html.append("<figcaption>").append(HtmlUtils.htmlEscape(dataset.title(), PAGE_ENCODING)).append("</figcaption>\n");
        if (ChartRenderer.chartable(dataset)) {
            html.append(chart.html(dataset, id, formatter, labels)).append('\n');
        }
        table(html, dataset, formatter);
        List<String> notes = new ArrayList<>();
        if (dataset.unit() != null && !dataset.unit().isBlank()) {
            notes.add(labels.unit() + labels.colon() + dataset.unit().strip());
        }
        if (dataset.source() != null && !dataset.source().isBlank()) {
            notes.add(labels.source() + labels.colon() + dataset.source().strip());
        }
        if (!notes.isEmpty()) {
            html.append("<p class=\"dataset-note\">").append(HtmlUtils.htmlEscape(String.join(". ", notes), PAGE_ENCODING)).append("</p>\n");
        }
        html.append("</figure>");
        return html.toString();
    }

    private static void table(StringBuilder html, Dataset dataset, ValueFormatter formatter) {
        List<Dataset.Column> columns = dataset.columns();
        boolean rowHeaders = !columns.isEmpty() && !columns.get(0).numeric();
        html.append("<table class=\"dataset\">\n<caption>").append(HtmlUtils.htmlEscape(dataset.title(), PAGE_ENCODING)).append("</caption>\n<thead><tr>");
        for (Dataset.Column column : columns) {
            html.append(column.numeric() ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
                    .append(HtmlUtils.htmlEscape(column.name(), PAGE_ENCODING)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : dataset.rows()) {
            html.append("<tr>");
            for (int c = 0; c < columns.size(); c++) {
                boolean numeric = columns.get(c).numeric();
                String cell = HtmlUtils.htmlEscape(numeric ? formatter.number(row.get(c)) : row.get(c), PAGE_ENCODING);
                if (c == 0 && rowHeaders) {
                    html.append("<th scope=\"row\">").append(cell).append("</th>");
                } else {
                    html.append(numeric ? "<td class=\"num\">" : "<td>").append(cell).append("</td>");
                }
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }
}
