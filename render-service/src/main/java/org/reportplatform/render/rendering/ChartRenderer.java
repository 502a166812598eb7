package org.reportplatform.render.rendering;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.jfree.svg.util.DoubleConverter;
import org.reportplatform.render.sources.Dataset;
import org.reportplatform.schemas.ValueFormatter;
import org.springframework.web.util.HtmlUtils;

/**
 * Draws a dataset as a chart with JFreeChart: horizontal bars, one bar per row (one series per
 * numeric column), the exact values written at the end of the bars and the axis numbered the
 * report's way ({@code 1 000 000} in French). One chart definition, two outputs:
 * {@link #svg} for the pages (JFreeSVG, with a title and a description for assistive
 * technology) and {@link #draw} for the PDF (vector drawing on the PDF's Graphics2D).
 *
 * <p>A dataset is charted when its first column is text (the labels), at least one other column is
 * numeric and it has rows; otherwise only its table is shown.
 *
 * <p>Deterministic: the text is laid out with the fonts the service carries ({@link ReportFonts}),
 * the SVG's ids derive from the id given, and nothing depends on the time or the machine's fonts.
 * Thread-safe (every call builds its own chart; the SVGs of the last few hundred datasets drawn are
 * kept, so that a page showing many datasets only redraws those that changed).
 */
public final class ChartRenderer {

    /** Drawing width in CSS pixels; the SVG scales to its container (it has a viewBox, no fixed size). */
    public static final int WIDTH = 640;

    private static final Color[] SERIES = {new Color(0x0b4f8a), new Color(0xc2571a), new Color(0x3d7a3d), new Color(0x7a4f9a),
            new Color(0x8a6d00)};
    private static final Color TEXT = new Color(0x1f1f1f);
    private static final Color GRID = new Color(0xd6d6d6);

    /** Recently drawn SVGs: a page showing many datasets redraws only those that changed. */
    private final Map<SvgKey, String> svgs = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SvgKey, String> eldest) {
            return size() > 256;
        }
    };

    private record SvgKey(Dataset dataset, String id, ValueFormatter formatter, Labels labels) {
    }

    /** Whether the dataset can be drawn as a bar chart. */
    public static boolean chartable(Dataset dataset) {
        List<Dataset.Column> columns = dataset.columns();
        return columns.size() >= 2 && !columns.get(0).numeric() && columns.stream().skip(1).anyMatch(Dataset.Column::numeric)
                && !dataset.rows().isEmpty();
    }

    /** Drawing height in CSS pixels: grows with the number of bars. */
    public static int height(Dataset dataset) {
        int series = numericColumns(dataset).size();
        int legend = series > 1 ? 28 : 0;
        return 56 + legend + dataset.rows().size() * (18 + 16 * series);
    }

    /**
     * The chart as an inline {@code <svg>} element: {@code role="img"} labelled by its
     * {@code <title>} (the dataset's title) and {@code <desc>} (every bar and its value, in words).
     *
     * @param id unique in the page: the svg's id and the prefix of every id inside it
     */
    public String svg(Dataset dataset, String id, ValueFormatter formatter, Labels labels) {
        SvgKey key = new SvgKey(dataset, id, formatter, labels);
        synchronized (svgs) {
            String cached = svgs.get(key);
            if (cached != null) {
                return cached;
            }
        }
        String svg = drawSvg(dataset, id, formatter, labels);
        synchronized (svgs) {
            svgs.put(key, svg);
        }
        return svg;
    }

    private String drawSvg(Dataset dataset, String id, ValueFormatter formatter, Labels labels) {
        int height = height(dataset);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, height);
        g.setDefsKeyPrefix(id + "-");
        g.setGeomDoubleConverter(new DoubleConverter(2));
        g.setTransformDoubleConverter(new DoubleConverter(4));
        // Laid out with DejaVu Sans's metrics; the reader's browser uses its own sans-serif face.
        g.setFontFunction(family -> "sans-serif");
        chart(dataset, formatter, labels).draw(g, new Rectangle2D.Double(0, 0, WIDTH, height));
        String svg = g.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, height), null, null);
        int openEnd = svg.indexOf('>');
        return svg.substring(0, openEnd)
                + " role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\" class=\"chart\">"
                + "<title id=\"" + id + "-title\">" + HtmlUtils.htmlEscape(dataset.title(), DatasetMarkup.PAGE_ENCODING) + "</title>"
                + "<desc id=\"" + id + "-desc\">" + HtmlUtils.htmlEscape(description(dataset, formatter, labels), DatasetMarkup.PAGE_ENCODING) + "</desc>"
                + svg.substring(openEnd + 1);
    }

    /** Draws the chart on {@code g} (the PDF's vector Graphics2D) in a {@code width} x {@code height} box at the origin. */
    public void draw(Dataset dataset, ValueFormatter formatter, Labels labels, Graphics2D g, double width, double height) {
        chart(dataset, formatter, labels).draw(g, new Rectangle2D.Double(0, 0, width, height));
    }

    /**
     * The chart's text alternative as assistive technology reads the pages' SVG (named by its
     * {@code <title>} then its {@code <desc>}): the report PDF gives its chart the same.
     */
    public String textAlternative(Dataset dataset, ValueFormatter formatter, Labels labels) {
        return dataset.title() + " " + description(dataset, formatter, labels);
    }

    /** « Diagramme en barres. Gouvernements : 3 200 000 CHF ; Fondations privées : 1 400 000 CHF. » */
    public String description(Dataset dataset, ValueFormatter formatter, Labels labels) {
        List<Integer> numeric = numericColumns(dataset);
        String unit = dataset.unit() == null || dataset.unit().isBlank() ? "" : ValueFormatter.NO_BREAK_SPACE + dataset.unit().strip();
        List<String> items = new ArrayList<>();
        for (List<String> row : dataset.rows()) {
            List<String> values = new ArrayList<>();
            for (int c : numeric) {
                String value = formatter.number(row.get(c)) + unit;
                values.add(numeric.size() > 1 ? dataset.columns().get(c).name() + " " + value : value);
            }
            items.add(row.get(0) + labels.colon() + String.join(", ", values));
        }
        return labels.barChart() + ". " + String.join(labels.semicolon(), items) + ".";
    }

    private JFreeChart chart(Dataset dataset, ValueFormatter formatter, Labels labels) {
        if (!chartable(dataset)) {
            throw new IllegalArgumentException("dataset " + dataset.id() + " cannot be charted");
        }
        Font sans = ReportFonts.awt(ReportFonts.Face.SANS_REGULAR);
        Font categoryFont = sans.deriveFont(Font.PLAIN, 12f);
        Font tickFont = sans.deriveFont(Font.PLAIN, 11f);
        Font valueFont = sans.deriveFont(Font.PLAIN, 11f);

        List<Integer> numeric = numericColumns(dataset);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<List<String>> rows = dataset.rows();
        for (int r = 0; r < rows.size(); r++) {
            for (int c : numeric) {
                data.addValue(new BigDecimal(rows.get(r).get(c)), dataset.columns().get(c).name(), new Category(r, rows.get(r).get(0)));
            }
        }

        CategoryAxis categories = new CategoryAxis(null);
        categories.setTickLabelFont(categoryFont);
        categories.setTickLabelPaint(TEXT);
        categories.setMaximumCategoryLabelWidthRatio(0.38f);
        categories.setMaximumCategoryLabelLines(3);
        categories.setAxisLineVisible(false);
        categories.setTickMarksVisible(false);
        categories.setLowerMargin(0.02);
        categories.setUpperMargin(0.02);
        categories.setCategoryMargin(0.25);

        NumberAxis values = new NumberAxis(dataset.unit() == null || dataset.unit().isBlank() ? null : dataset.unit().strip());
        values.setLabelFont(tickFont);
        values.setLabelPaint(TEXT);
        values.setTickLabelFont(tickFont);
        values.setTickLabelPaint(TEXT);
        values.setNumberFormatOverride(axisFormat(formatter));
        values.setAutoRangeIncludesZero(true);
        values.setUpperMargin(0.22);
        values.setAxisLineVisible(false);
        values.setTickMarksVisible(false);

        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        bars.setItemMargin(0.05);
        bars.setMaximumBarWidth(0.9);
        for (int s = 0; s < numeric.size(); s++) {
            bars.setSeriesPaint(s, SERIES[s % SERIES.length]);
        }
        bars.setDefaultItemLabelGenerator(new ExactValueLabels(formatter));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(valueFont);
        bars.setDefaultItemLabelPaint(TEXT);
        bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        bars.setDefaultNegativeItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
        bars.setItemLabelAnchorOffset(4);

        CategoryPlot plot = new CategoryPlot(data, categories, values, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.75f));
        plot.setDomainGridlinesVisible(false);
        plot.setRangeZeroBaselineVisible(true);
        plot.setRangeZeroBaselinePaint((Paint) new Color(0x8a8a8a));
        plot.setInsets(new RectangleInsets(4, 4, 4, 8));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);

        JFreeChart chart = new JFreeChart(null, categoryFont, plot, numeric.size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(4, 4, 4, 4));
        RenderingHints hints = new RenderingHints(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        // JFreeChart saves and restores this hint while drawing ticks: it must have a value.
        hints.put(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        hints.put(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.setRenderingHints(hints);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(tickFont);
            legend.setItemPaint(TEXT);
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.TOP);
            legend.setBackgroundPaint(Color.WHITE);
        }
        return chart;
    }

    /**
     * Axis numbers: written by the language's {@link ValueFormatter} (its grouping, its decimal
     * mark: Spanish {@code 4000} but {@code 12.000}), at most three decimals.
     */
    private static NumberFormat axisFormat(ValueFormatter formatter) {
        return new NumberFormat() {
            @Override
            public StringBuffer format(double number, StringBuffer to, FieldPosition position) {
                BigDecimal value = BigDecimal.valueOf(number).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
                return to.append(formatter.number(value.scale() < 0 ? value.setScale(0) : value));
            }

            @Override
            public StringBuffer format(long number, StringBuffer to, FieldPosition position) {
                return to.append(formatter.number(BigDecimal.valueOf(number)));
            }

            @Override
            public Number parse(String source, ParsePosition position) {
                throw new UnsupportedOperationException("axis labels are only written");
            }
        };
    }

    private static List<Integer> numericColumns(Dataset dataset) {
        List<Integer> numeric = new ArrayList<>();
        for (int c = 1; c < dataset.columns().size(); c++) {
            if (dataset.columns().get(c).numeric()) {
                numeric.add(c);
            }
        }
        return numeric;
    }

    /** A row of the dataset: labels may repeat, rows stay distinct. Drawn as its label. */
    private record Category(int index, String label) implements Comparable<Category> {
        @Override
        public int compareTo(Category other) {
            return Integer.compare(index, other.index);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** The value at the end of a bar, from the exact decimal (not the double the bar is drawn with). */
    private record ExactValueLabels(ValueFormatter formatter) implements CategoryItemLabelGenerator {
        @Override
        public String generateRowLabel(CategoryDataset dataset, int row) {
            return dataset.getRowKey(row).toString();
        }

        @Override
        public String generateColumnLabel(CategoryDataset dataset, int column) {
            return dataset.getColumnKey(column).toString();
        }

        @Override
        public String generateLabel(CategoryDataset dataset, int row, int column) {
            Number value = dataset.getValue(row, column);
            return value == null ? null : formatter.number(((BigDecimal) value).toPlainString());
        }
    }
}
