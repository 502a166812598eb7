package org.reportplatform.figures.editions;

import java.util.ArrayList;
import java.util.List;
import org.reportplatform.figures.datasets.Dataset;
import org.reportplatform.figures.datasets.DatasetBook;
import org.reportplatform.figures.indicators.Indicator;
import org.reportplatform.figures.indicators.IndicatorBook;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.JointDecision;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.DatasetState;
import org.reportplatform.schemas.EditionChanged;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a new edition's figures from the edition it was copied from: every indicator's
 * definition (label, type, currency, unit, source, owner team, texts; no value, no period) and
 * every dataset (title, columns, unit, source, owner team, texts; no rows), in one Kafka
 * transaction over both topics. Teams then enter the year's values.
 *
 * <p>It runs for every edition event the {@link org.reportplatform.platform.editions.EditionsFollower}
 * reads, at each start too; it copies only an edition that has {@code copiedFrom} and has never
 * had an indicator or a dataset. That is checked under both write locks, against logs already
 * replayed, so a restart (or a second look at the same event) never copies twice.
 */
public class EditionCopies {

    private static final Logger log = LoggerFactory.getLogger(EditionCopies.class);

    private final IndicatorBook indicators;
    private final DatasetBook datasets;
    private final RevisionLog<IndicatorChanged> indicatorLog;
    private final RevisionLog<DatasetChanged> datasetLog;
    private final EventMetadataFactory metadata;

    public EditionCopies(IndicatorBook indicators, DatasetBook datasets, RevisionLog<IndicatorChanged> indicatorLog,
            RevisionLog<DatasetChanged> datasetLog, EventMetadataFactory metadata) {
        this.indicators = indicators;
        this.datasets = datasets;
        this.indicatorLog = indicatorLog;
        this.datasetLog = datasetLog;
        this.metadata = metadata;
    }

    /** Copies the figures of the edition {@code event} was copied from, if it is a copy that has no figures yet. */
    public void copyIfNew(EditionChanged event) {
        if (event.getState() == null || event.getState().getCopiedFrom() == null) {
            return;
        }
        if (!indicatorLog.isWritable()) {
            // A standby: the active instance copies (the check below makes a second look harmless).
            return;
        }
        String edition = event.getEdition();
        String from = event.getState().getCopiedFrom();
        String copied = indicatorLog.writeWith(datasetLog, () -> {
            if (indicators.hasHistory(edition) || datasets.hasHistory(edition)) {
                return JointDecision.nothing(null);
            }
            List<IndicatorChanged> indicatorCopies = new ArrayList<>();
            for (Indicator indicator : indicators.list(from)) {
                IndicatorState definition = IndicatorState.newBuilder(indicators.latest(from, indicator.id()).orElseThrow().getIndicator())
                        .setValue("").setPeriod(null).build();
                indicatorCopies.add(IndicatorChanged.newBuilder().setMetadata(by(event)).setEdition(edition)
                        .setIndicatorId(indicator.id()).setRevision(1).setIndicator(definition).build());
            }
            List<DatasetChanged> datasetCopies = new ArrayList<>();
            for (Dataset dataset : datasets.list(from)) {
                DatasetState columns = DatasetState.newBuilder(datasets.latest(from, dataset.id()).orElseThrow().getDataset())
                        .setRows(List.of()).build();
                datasetCopies.add(DatasetChanged.newBuilder().setMetadata(by(event)).setEdition(edition).setDatasetId(dataset.id())
                        .setRevision(1).setDataset(columns).build());
            }
            return new JointDecision<>(indicatorCopies, datasetCopies,
                    indicatorCopies.size() + " indicators and " + datasetCopies.size() + " datasets");
        });
        if (copied != null) {
            log.info("edition {} started from {}: copied {} (definitions, no values)", edition, from, copied);
        }
    }

    /** Fresh metadata (id, time, trace) naming the person who started the edition. */
    private EventMetadata by(EditionChanged event) {
        return metadata.following(event.getMetadata());
    }
}
