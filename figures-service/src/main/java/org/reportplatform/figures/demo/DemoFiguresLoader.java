package org.reportplatform.figures.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.reportplatform.figures.datasets.DatasetBook;
import org.reportplatform.figures.indicators.IndicatorBook;
import org.reportplatform.figures.indicators.IndicatorRequest;
import org.reportplatform.figures.indicators.IndicatorWrites;
import org.reportplatform.platform.auth.Caller;
import org.reportplatform.platform.auth.Role;
import org.reportplatform.platform.log.Decision;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.Preconditions;
import org.reportplatform.schemas.ColumnType;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.DatasetColumn;
import org.reportplatform.schemas.DatasetState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
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
    private static final String DATASET_OWNER = "donateurs-finances";
    private static final Caller LOADER = new Caller("demo-loader", null, Set.of(Role.ADMIN));
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private final IndicatorBook indicators;
    private final IndicatorWrites indicatorWrites;
    private final DatasetBook datasets;
    private final RevisionLog<DatasetChanged> datasetLog;
    private final EventMetadataFactory metadata;

    DemoFiguresLoader(IndicatorBook indicators, IndicatorWrites indicatorWrites, DatasetBook datasets,
            RevisionLog<DatasetChanged> datasetLog, EventMetadataFactory metadata) {
        this.indicators = indicators;
        this.indicatorWrites = indicatorWrites;
        this.datasets = datasets;
        this.datasetLog = datasetLog;
        this.metadata = metadata;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (indicators.indicators(EDITION).isEmpty()) {
            for (CSVRecord row : csv("demo/2024/indicators.csv")) {
                var value = JsonNodeFactory.instance.numberNode(new java.math.BigDecimal(row.get("value")));
                indicatorWrites.put(EDITION, row.get("id"), new IndicatorRequest(row.get("label"), row.get("type"), value,
                        null, blankToNull(row.get("unit")), row.get("period"), row.get("source"), row.get("ownerTeam")),
                        new Preconditions(null, "*"), LOADER);
            }
            log.info("loaded the demo report's key figures of edition {}", EDITION);
        }
        if (datasets.datasets(EDITION).isEmpty()) {
            for (CSVRecord row : csv("demo/2024/datasets/datasets.csv")) {
                DatasetChanged event = dataset(row);
                datasetLog.write(() -> Decision.publish(event, null));
            }
            log.info("loaded the demo report's datasets of edition {}", EDITION);
        }
    }

    private DatasetChanged dataset(CSVRecord index) {
        String id = index.get("id");
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord row : csv("demo/2024/datasets/" + id + ".csv")) {
            rows.add(List.of(row.get("label"), row.get("amount")));
        }
        DatasetState state = DatasetState.newBuilder().setTitle(index.get("title"))
                .setColumns(List.of(new DatasetColumn("label", ColumnType.TEXT), new DatasetColumn("amount", ColumnType.NUMBER)))
                .setRows(rows).setUnit(index.get("unit")).setSource(index.get("source")).setOwnerTeam(DATASET_OWNER).build();
        return DatasetChanged.newBuilder().setMetadata(metadata.by(LOADER)).setEdition(EDITION).setDatasetId(id)
                .setRevision(1).setDataset(state).build();
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
