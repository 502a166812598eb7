package org.reportplatform.figures.datasets;

import org.reportplatform.platform.editions.EditionsFollower;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.reportplatform.figures.csv.CsvTable;
import org.reportplatform.figures.csv.RowProblems;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.errors.FieldProblems;
import org.reportplatform.platform.log.Decision;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.AtRevision;
import org.reportplatform.platform.revisions.Preconditions;
import org.reportplatform.platform.revisions.Written;
import org.reportplatform.schemas.ColumnType;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.DatasetColumn;
import org.reportplatform.schemas.DatasetState;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Decides every change to datasets, with the rules of indicators: admins create (naming the
 * owning team) and delete; the owning team edits; If-Match on every change of an existing
 * dataset; a change that changes nothing publishes nothing.
 */
public class DatasetWrites {

    private final DatasetBook book;
    private final RevisionLog<DatasetChanged> log;
    private final EventMetadataFactory metadata;
    private final DatasetRules rules;
    private final EditionsFollower editions;

    /** @param editions refuses every change to a closed edition's datasets */
    DatasetWrites(DatasetBook book, RevisionLog<DatasetChanged> log, EventMetadataFactory metadata, DatasetRules rules,
            EditionsFollower editions) {
        this.editions = editions;
        this.book = book;
        this.log = log;
        this.metadata = metadata;
        this.rules = rules;
    }

    /**
     * The outcome of a CSV import into one dataset: its revision now, whether the import created or
     * changed it, how many rows it has and its columns (given, or inferred for a new dataset).
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "DatasetImportResult")
    public record ImportOutcome(String edition, String id, long revision, boolean created, boolean changed, int rows,
            List<Dataset.Column> columns) implements AtRevision {
    }

    /** Title, unit, source and owner for a CSV import, from the query string; null keeps the current value. */
    public record ImportSettings(String title, String unit, String source, String ownerTeam) {
    }

    /**
     * What a CSV import would do ({@code ?dryRun=true}), nothing written: the counts of
     * {@link ImportOutcome} at the current revision (0 for a dataset that does not exist), and
     * the dataset as the import would leave it.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "DatasetImportDryRun")
    public record ImportDryRun(String edition, String id, long revision, boolean created, boolean changed, int rows,
            List<Dataset.Column> columns, boolean dryRun, Dataset dataset) {
    }

    public Written<Dataset> put(String edition, String id, DatasetRequest request, Preconditions preconditions, Caller caller) {
        return log.write(decidePut(edition, id, request, preconditions, caller));
    }

    /**
     * {@link #put}'s dry run ({@code ?dryRun=true}): the same checks and refusals, nothing written;
     * the dataset as the PUT would leave it, at its current revision (0 when it does not exist).
     */
    public Dataset putDryRun(String edition, String id, DatasetRequest request, Preconditions preconditions, Caller caller) {
        return log.dryRun(decidePut(edition, id, request, preconditions, caller), decision -> decision.events().isEmpty()
                ? decision.result().resource()
                : Dataset.of(decision.events().get(0)).atRevision(decision.events().get(0).getRevision() - 1));
    }

    /** Checks the request now, and decides the PUT against the state when the log runs it. */
    private Supplier<Decision<DatasetChanged, Written<Dataset>>> decidePut(String edition, String id, DatasetRequest request,
            Preconditions preconditions, Caller caller) {
        DatasetRules.checkPath(edition, id);
        DatasetState requested = rules.validate(request);
        return () -> {
            editions.checkWritable(edition);
            Optional<DatasetChanged> latest = book.latest(edition, id);
            Optional<Dataset> current = book.current(edition, id);
            preconditions.checkWrite(revisionOf(current));
            String owner = owner(current, request.ownerTeam(), caller, id);
            requested.setOwnerTeam(owner);
            if (current.isPresent() && request.texts() == null) {
                // a request without texts leaves them as they are, if they still have one label per column
                requested.setTexts(rules.keptTexts(latest.get().getDataset().getTexts(), requested.getColumns().size()));
            }
            if (current.isPresent() && requested.equals(latest.get().getDataset())) {
                return Decision.nothing(new Written<>(current.get(), false));
            }
            DatasetChanged event = event(caller, edition, id, latest, requested);
            return Decision.publish(event, new Written<>(Dataset.of(event), current.isEmpty()));
        };
    }

    /** Removes a dataset: admin only, If-Match required; the delete is a revision whose state is null. */
    public void delete(String edition, String id, Preconditions preconditions, Caller caller) {
        DatasetRules.checkPath(edition, id);
        log.write(() -> {
            Dataset current = book.requireCurrent(edition, id);
            if (!caller.isAdmin()) {
                throw ApiException.forbidden("only an admin removes a dataset from the report");
            }
            editions.checkWritable(edition);
            preconditions.checkChange(OptionalLong.of(current.revision()));
            DatasetChanged event = DatasetChanged.newBuilder().setMetadata(metadata.by(caller)).setEdition(edition)
                    .setDatasetId(id).setRevision(current.revision() + 1).setDataset(null).build();
            return Decision.publish(event, null);
        });
    }

    /**
     * Makes revision {@code revision}'s title, columns, rows, unit and source current again, as a
     * new revision, under the rules of a PUT (validated again against today's limits, the owning
     * team or an admin). If-Match is not needed, but one that is sent must be the current
     * revision. The owner team stays; a deleted dataset comes back with that revision's owner
     * team, which is creating it: admin only. Restoring the current content publishes nothing.
     */
    public Written<Dataset> restore(String edition, String id, long revision, Preconditions preconditions, Caller caller) {
        DatasetRules.checkPath(edition, id);
        return log.write(() -> {
            editions.checkWritable(edition);
            DatasetState restored = requireContent(edition, id, revision);
            Optional<DatasetChanged> latest = book.latest(edition, id);
            Optional<Dataset> current = book.current(edition, id);
            preconditions.checkIfPresent(revisionOf(current));
            String owner;
            if (current.isPresent()) {
                owner = current.get().ownerTeam();
                if (!caller.mayEdit(owner)) {
                    throw ApiException.forbidden("dataset " + id + " belongs to team " + owner
                            + "; your token may restore only your team's datasets");
                }
            } else {
                if (!caller.isAdmin()) {
                    throw ApiException.forbidden("dataset " + id + " was deleted; only an admin brings a dataset back into the report");
                }
                owner = restored.getOwnerTeam();
            }
            DatasetState state = rules.validate(requestOf(restored, owner));
            if (current.isPresent() && state.equals(latest.get().getDataset())) {
                return Decision.nothing(new Written<>(current.get(), false));
            }
            DatasetChanged event = event(caller, edition, id, latest, state);
            return Decision.publish(event, new Written<>(Dataset.of(event), current.isEmpty()));
        });
    }

    /**
     * The state of revision n of a dataset (read back from the log unless it is the latest): 404 if
     * there is no such revision, 400 if it is a deletion.
     */
    private DatasetState requireContent(String edition, String id, long revision) {
        DatasetChanged event = book.requireRevision(edition, id, revision);
        if (event.getDataset() == null) {
            throw ApiException.badRequest("revision", "revision " + revision
                    + " deleted the dataset: it has nothing to restore; restore a revision before it");
        }
        return event.getDataset();
    }

    /** A PUT body asking for a stored state (with the given owner), so a restore is checked like a PUT. */
    private static DatasetRequest requestOf(DatasetState state, String ownerTeam) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ArrayNode rows = json.arrayNode();
        for (List<String> row : state.getRows()) {
            ArrayNode cells = rows.addArray();
            row.forEach(cells::add);
        }
        List<DatasetRequest.ColumnRequest> columns = state.getColumns().stream()
                .map(c -> new DatasetRequest.ColumnRequest(c.getName(), c.getType().name().toLowerCase(Locale.ROOT))).toList();
        return new DatasetRequest(state.getTitle(), columns, rows, state.getUnit(), state.getSource(), ownerTeam, Dataset.textsOf(state));
    }

    /**
     * Replaces a dataset's rows with those of a CSV file whose header names the columns. For an
     * existing dataset the header must name exactly its columns (in any order) and their types
     * apply; a new dataset (admin only, with a title and an owner team) gets the header's columns,
     * typed {@code number} where every cell is a number and {@code text} otherwise. All or
     * nothing: every wrong cell is reported with its line.
     */
    public ImportOutcome importCsv(String edition, String id, String csv, ImportSettings settings, Preconditions preconditions,
            Caller caller) {
        return log.write(decideImport(edition, id, csv, settings, preconditions, caller));
    }

    /** {@link #importCsv}'s dry run ({@code ?dryRun=true}): the same checks and refusals, nothing written. */
    public ImportDryRun importDryRun(String edition, String id, String csv, ImportSettings settings, Preconditions preconditions,
            Caller caller) {
        return log.dryRun(decideImport(edition, id, csv, settings, preconditions, caller), decision -> {
            ImportOutcome outcome = decision.result();
            long current = book.latest(edition, id).map(DatasetChanged::getRevision).orElse(0L);
            Dataset dataset = decision.events().isEmpty() ? book.requireCurrent(edition, id)
                    : Dataset.of(decision.events().get(0)).atRevision(current);
            return new ImportDryRun(edition, id, current, outcome.created(), outcome.changed(), outcome.rows(), outcome.columns(), true,
                    dataset);
        });
    }

    /** Checks the file and settings now, and decides the import against the state when the log runs it. */
    private Supplier<Decision<DatasetChanged, ImportOutcome>> decideImport(String edition, String id, String csv, ImportSettings settings,
            Preconditions preconditions, Caller caller) {
        DatasetRules.checkPath(edition, id);
        checkSettings(settings);
        CsvTable table = CsvTable.parse(csv, rules.limits().maxDatasetRows());
        checkHeader(table.header());
        return () -> {
            editions.checkWritable(edition);
            Optional<DatasetChanged> latest = book.latest(edition, id);
            Optional<Dataset> current = book.current(edition, id);
            preconditions.checkWrite(revisionOf(current));
            String owner = owner(current, settings.ownerTeam(), caller, id);
            DatasetState base = current.isPresent() ? latest.get().getDataset() : null;
            if (base == null && (settings.title() == null || settings.title().isBlank())) {
                throw ApiException.badRequest("title", "is required (query parameter) when an import creates the dataset");
            }
            List<DatasetColumn> columns = base == null ? inferColumns(table) : base.getColumns();
            int[] order = base == null ? identity(columns.size()) : order(table.header(), columns);
            List<List<String>> rows = rows(table, columns, order);
            DatasetState state = DatasetState.newBuilder()
                    .setTitle(settings.title() != null ? settings.title() : base.getTitle())
                    .setColumns(columns)
                    .setRows(rows)
                    .setUnit(settings.unit() != null ? emptyToNull(settings.unit()) : base == null ? null : base.getUnit())
                    .setSource(settings.source() != null ? emptyToNull(settings.source()) : base == null ? null : base.getSource())
                    .setOwnerTeam(owner)
                    // the file holds the rows of the same columns: the texts in other languages stay
                    .setTexts(base == null ? java.util.Map.of() : base.getTexts())
                    .build();
            if (state.equals(base)) {
                Dataset unchanged = current.get();
                return Decision.nothing(new ImportOutcome(edition, id, unchanged.revision(), false, false, rows.size(), unchanged.columns()));
            }
            DatasetChanged event = event(caller, edition, id, latest, state);
            Dataset now = Dataset.of(event);
            return Decision.publish(event, new ImportOutcome(edition, id, now.revision(), base == null, true, rows.size(), now.columns()));
        };
    }

    /** The owner team a write leaves the dataset with, after the permission checks. */
    private static String owner(Optional<Dataset> current, String requestedOwner, Caller caller, String id) {
        if (current.isEmpty()) {
            if (!caller.isAdmin()) {
                throw ApiException.forbidden("only an admin creates datasets; ask an admin to create " + id + " for your team");
            }
            if (requestedOwner == null) {
                throw ApiException.badRequest("ownerTeam", "is required when a dataset is created: the team that will own it");
            }
            return requestedOwner;
        }
        Dataset existing = current.get();
        if (!caller.mayEdit(existing.ownerTeam())) {
            throw ApiException.forbidden("dataset " + id + " belongs to team " + existing.ownerTeam()
                    + "; your token may edit only your team's datasets");
        }
        String owner = Objects.requireNonNullElse(requestedOwner, existing.ownerTeam());
        if (!owner.equals(existing.ownerTeam()) && !caller.isAdmin()) {
            throw ApiException.forbidden("only an admin assigns a dataset to another team");
        }
        return owner;
    }

    private DatasetChanged event(Caller caller, String edition, String id, Optional<DatasetChanged> latest, DatasetState state) {
        DatasetChanged event = DatasetChanged.newBuilder().setMetadata(metadata.by(caller)).setEdition(edition).setDatasetId(id)
                .setRevision(latest.map(DatasetChanged::getRevision).orElse(0L) + 1).setDataset(state).build();
        rules.checkSize(event);
        return event;
    }

    private static void checkSettings(ImportSettings settings) {
        FieldProblems problems = new FieldProblems();
        if (settings.title() != null) {
            DatasetRules.text(problems, "title", settings.title(), true);
        }
        DatasetRules.text(problems, "unit", settings.unit(), false);
        DatasetRules.text(problems, "source", settings.source(), false);
        DatasetRules.team(problems, settings.ownerTeam());
        problems.throwIfAny();
    }

    private void checkHeader(List<String> header) {
        RowProblems problems = new RowProblems();
        if (header.size() > rules.limits().maxDatasetColumns()) {
            problems.add(1, null, "header", "has " + header.size() + " columns; the limit is " + rules.limits().maxDatasetColumns());
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            String problem = rules.columnNameProblem(name);
            if (problem != null) {
                problems.add(1, null, name.isEmpty() ? "column " + (i + 1) : name, problem);
            } else if (seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i) != null) {
                problems.add(1, null, name, "appears twice in the header");
            }
        }
        problems.throwIfAny();
    }

    /** For each column of the dataset, the index of the file's column that holds it. */
    private static int[] order(List<String> header, List<DatasetColumn> columns) {
        RowProblems problems = new RowProblems();
        int[] order = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c).getName();
            order[c] = -1;
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equalsIgnoreCase(name)) {
                    order[c] = i;
                }
            }
            if (order[c] < 0) {
                problems.add(1, null, name, "the header has no column " + name + "; the dataset's columns are " + names(columns));
            }
        }
        for (String name : header) {
            if (columns.stream().noneMatch(c -> c.getName().equalsIgnoreCase(name))) {
                problems.add(1, null, name, "is not a column of the dataset (" + names(columns)
                        + "); to change the columns, PUT the dataset");
            }
        }
        problems.throwIfAny();
        return order;
    }

    private static List<DatasetColumn> inferColumns(CsvTable table) {
        List<DatasetColumn> columns = new ArrayList<>();
        for (int i = 0; i < table.header().size(); i++) {
            int index = i;
            boolean numbers = table.rows().stream()
                    .allMatch(row -> index < row.cells().size() && DatasetRules.isNumber(row.cells().get(index)));
            columns.add(new DatasetColumn(table.header().get(i), numbers ? ColumnType.NUMBER : ColumnType.TEXT));
        }
        return columns;
    }

    private List<List<String>> rows(CsvTable table, List<DatasetColumn> columns, int[] order) {
        RowProblems problems = new RowProblems();
        List<List<String>> rows = new ArrayList<>(table.rows().size());
        for (CsvTable.Row row : table.rows()) {
            if (row.cells().size() != table.header().size()) {
                problems.add(row.line(), null, "row", "has " + row.cells().size() + " cells but the header has " + table.header().size());
                continue;
            }
            List<String> cells = new ArrayList<>(columns.size());
            for (int c = 0; c < columns.size(); c++) {
                String text = row.cells().get(order[c]);
                String problem = rules.cellProblem(text, columns.get(c));
                if (problem != null) {
                    problems.add(row.line(), null, columns.get(c).getName(), problem);
                } else {
                    cells.add(DatasetRules.stored(text, columns.get(c).getType()));
                }
            }
            rows.add(cells);
        }
        problems.throwIfAny();
        return rows;
    }

    private static int[] identity(int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        return order;
    }

    private static String names(List<DatasetColumn> columns) {
        return String.join(", ", columns.stream().map(DatasetColumn::getName).toList());
    }

    private static OptionalLong revisionOf(Optional<Dataset> dataset) {
        return dataset.map(d -> OptionalLong.of(d.revision())).orElse(OptionalLong.empty());
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
