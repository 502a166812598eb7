package org.reportplatform.systemtests.benchmarks;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * The report's charts, drawn by JFreeChart and written as SVG by JFreeSVG (the libraries the
 * render service draws the report's own charts with).
 */
public final class Charts {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 380;
    private static final Color[] SERIES = {new Color(0x1f4e79), new Color(0xc55a11), new Color(0x548235), new Color(0x7f6000)};

    private final Path directory;

    public Charts(Path directory) {
        this.directory = directory;
    }

    /**
     * A histogram of latencies (ms), one series per name, sharing 40 bins up to {@code upTo}
     * (slower samples are counted in the last bin).
     */
    public Path histogram(String file, String title, Map<String, List<Double>> series, double upTo) {
        HistogramDataset dataset = new HistogramDataset();
        series.forEach((name, values) -> dataset.addSeries(name, values.stream().mapToDouble(v -> Math.min(v, upTo)).toArray(), 40, 0, upTo));
        JFreeChart chart = ChartFactory.createHistogram(title, "milliseconds (from the PUT)", "edits", dataset, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYBarRenderer renderer = (XYBarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < series.size(); i++) {
            Color color = SERIES[i % SERIES.length];
            renderer.setSeriesPaint(i, new Color(color.getRed(), color.getGreen(), color.getBlue(), 160));
        }
        plot.setForegroundAlpha(0.85f);
        style(chart);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return write(file, chart, HEIGHT);
    }

    /** Bars: one group per category (x), one bar per series; the values printed on the bars. */
    public Path bars(String file, String title, String valueAxis, Map<String, Map<String, Double>> seriesByCategory, boolean horizontal) {
        return bars(file, title, valueAxis, seriesByCategory, horizontal, HEIGHT);
    }

    /** The same, {@code height} pixels high (a chart of many bars needs room for their labels). */
    public Path bars(String file, String title, String valueAxis, Map<String, Map<String, Double>> seriesByCategory, boolean horizontal,
            int height) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        seriesByCategory.forEach((category, values) -> values.forEach((series, value) -> dataset.addValue(value, series, category)));
        JFreeChart chart = ChartFactory.createBarChart(title, null, valueAxis, dataset,
                horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, true, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new DecimalFormat("#,##0.#")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i < dataset.getRowCount(); i++) {
            renderer.setSeriesPaint(i, SERIES[i % SERIES.length]);
        }
        CategoryAxis axis = plot.getDomainAxis();
        if (!horizontal && dataset.getColumnCount() > 4) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        plot.getRangeAxis().setUpperMargin(0.15);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        chart.getLegend().setVisible(dataset.getRowCount() > 1);
        style(chart);
        return write(file, chart, height);
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    }

    private Path write(String file, JFreeChart chart, int height) {
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, height);
        chart.draw(svg, new Rectangle(0, 0, WIDTH, height));
        Path path = directory.resolve(file);
        try {
            Files.createDirectories(directory);
            Files.writeString(path, svg.getSVGDocument());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return path;
    }
}
