package org.reportplatform.figures.datasets;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.reportplatform.platform.revisions.AtRevision;
import org.reportplatform.platform.revisions.RevisionSummary;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.DatasetState;

/** A dataset as the API shows it: typed columns and rows of exact cell strings. */
public record Dataset(String edition, String id, String title, List<Column> columns, List<List<String>> rows, String unit,
        String source, java.util.Map<String, DatasetText> texts, String ownerTeam, long revision, Instant updatedAt, String updatedBy,
        String updatedByName) implements AtRevision {

    @io.swagger.v3.oas.annotations.media.Schema(name = "DatasetColumn")
    public record Column(String name, @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"text", "number"}) String type) {
    }

    /** The same dataset named at another revision (a dry run shows the result at the current one). */
    Dataset atRevision(long at) {
        return new Dataset(edition, id, title, columns, rows, unit, source, texts, ownerTeam, at, updatedAt, updatedBy, updatedByName);
    }

    static Dataset of(DatasetChanged event) {
        DatasetState s = event.getDataset();
        return new Dataset(event.getEdition(), event.getDatasetId(), s.getTitle(),
                s.getColumns().stream().map(c -> new Column(c.getName(), c.getType().name().toLowerCase(Locale.ROOT))).toList(),
                s.getRows(), s.getUnit(), s.getSource(), textsOf(s), s.getOwnerTeam(), event.getRevision(),
                event.getMetadata().getOccurredAt(), event.getMetadata().getActor(),
                RevisionSummary.nameOf(event.getMetadata().getActor(), event.getMetadata().getActorName()));
    }

    /** The texts in other languages, by language in alphabetical order. */
    static java.util.Map<String, DatasetText> textsOf(DatasetState state) {
        java.util.Map<String, DatasetText> texts = new java.util.TreeMap<>();
        state.getTexts().forEach((language, text) -> texts.put(language, DatasetText.of(text)));
        return texts;
    }
}
