package org.reportplatform.figures.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reportplatform.figures.datasets.DatasetText;
import org.reportplatform.figures.indicators.IndicatorText;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.reportplatform.figures.datasets.DatasetBook;
import org.reportplatform.figures.datasets.DatasetRequest;
import org.reportplatform.figures.datasets.DatasetWrites;
import org.reportplatform.figures.indicators.IndicatorBook;
import org.reportplatform.figures.indicators.IndicatorRequest;
import org.reportplatform.figures.indicators.IndicatorWrites;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;
import org.reportplatform.platform.revisions.Preconditions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Loads the demo report's key figures and its illustrative finance datasets (see
 * demo/README.md) when {@code report.demo.load=true} and the edition has none yet.
 */
@Component
@ConditionalOnBooleanProperty("report.demo.load")
class DemoFiguresLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFiguresLoader.class);
    private static final String EDITION = "2024";
    /** Editions before the demo's, with key figures only (demo/<edition>/indicators.csv). */
    private static final List<String> EARLIER_EDITIONS = List.of("2023");
    private static final String DATASET_OWNER = "donateurs-finances";
    private static final Caller LOADER = new Caller("system:demo-loader", "Chargement de la démo", Set.of(Role.ADMIN), Set.of(), null);
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private final IndicatorBook indicators;
    private final IndicatorWrites indicatorWrites;
    private final DatasetBook datasets;
    private final DatasetWrites datasetWrites;

    DemoFiguresLoader(IndicatorBook indicators, IndicatorWrites indicatorWrites, DatasetBook datasets, DatasetWrites datasetWrites) {
        this.indicators = indicators;
        this.indicatorWrites = indicatorWrites;
        this.datasets = datasets;
        this.datasetWrites = datasetWrites;
    }

    @Override
    public void run(ApplicationArguments args) {
        loadIndicators(EDITION);
        loadEarlierEditions();
        if (datasets.datasets(EDITION).isEmpty()) {
            for (CSVRecord row : csv("demo/2024/datasets/datasets.csv")) {
                datasetWrites.put(EDITION, row.get("id"), dataset(row), new Preconditions(null, "*"), LOADER);
            }
            log.info("loaded the demo report's datasets of edition {}", EDITION);
        }
    }

    /**
     * The earlier editions' key figures (2023, closed: content-service closes it once it sees
     * these, so the closed edition's figures are complete).
     */
    private void loadEarlierEditions() {
        EARLIER_EDITIONS.forEach(this::loadIndicators);
    }

    private void loadIndicators(String edition) {
        if (!indicators.indicators(edition).isEmpty()) {
            return;
        }
        for (CSVRecord row : csv("demo/" + edition + "/indicators.csv")) {
            var value = JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(row.get("value")));
            indicatorWrites.put(edition, row.get("id"), new IndicatorRequest(row.get("label"), row.get("type"), value,
                    null, blankToNull(row.get("unit")), row.get("period"), row.get("source"), row.get("ownerTeam"),
                    indicatorTexts(edition, row.get("id"))),
                    new Preconditions(null, "*"), LOADER);
        }
        log.info("loaded the demo report's key figures of edition {}", edition);
    }

    /** A demo dataset file: its header names the columns, a label column then number columns. */
    private DatasetRequest dataset(CSVRecord index) {
        String path = "demo/2024/datasets/" + index.get("id") + ".csv";
        try (Reader reader = new java.io.InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
                CSVParser parser = CSV.parse(reader)) {
            List<String> header = parser.getHeaderNames();
            List<DatasetRequest.ColumnRequest> columns = new java.util.ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                columns.add(new DatasetRequest.ColumnRequest(header.get(i), i == 0 ? "text" : "number"));
            }
            ArrayNode rows = JsonNodeFactory.instance.arrayNode();
            for (CSVRecord row : parser) {
                ArrayNode cells = rows.addArray().add(row.get(0));
                for (int i = 1; i < header.size(); i++) {
                    cells.add(new java.math.BigDecimal(row.get(i)));
                }
            }
            return new DatasetRequest(index.get("title"), columns, rows, index.get("unit"), index.get("source"), DATASET_OWNER,
                    datasetTexts(EDITION, index.get("id")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo file " + path, e);
        }
    }

    /** An indicator's label, unit and source in other languages, from {@code demo/<edition>/indicator-texts.csv}. */
    private static Map<String, IndicatorText> indicatorTexts(String edition, String id) {
        Map<String, IndicatorText> texts = new TreeMap<>();
        for (CSVRecord row : textRows("demo/" + edition + "/indicator-texts.csv", id)) {
            texts.put(row.get("language"), new IndicatorText(row.get("label"), blankToNull(row.get("unit")), blankToNull(row.get("source"))));
        }
        return texts;
    }

    /** A dataset's title, column labels ({@code |}-separated), unit and source in other languages, from {@code datasets/dataset-texts.csv}. */
    private static Map<String, DatasetText> datasetTexts(String edition, String id) {
        Map<String, DatasetText> texts = new TreeMap<>();
        for (CSVRecord row : textRows("demo/" + edition + "/datasets/dataset-texts.csv", id)) {
            texts.put(row.get("language"), new DatasetText(row.get("title"), List.of(row.get("columnLabels").split("\\|")),
                    blankToNull(row.get("unit")), blankToNull(row.get("source"))));
        }
        return texts;
    }

    /** The rows of a demo texts file about one figure; none when the edition has no such file. */
    private static List<CSVRecord> textRows(String path, String id) {
        if (!new ClassPathResource(path).exists()) {
            return List.of();
        }
        return csv(path).stream().filter(row -> row.get("id").equals(id)).toList();
    }

    private static List<CSVRecord> csv(String path) {
        try (Reader reader = new java.io.InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            return CSV.parse(reader).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo file " + path, e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
