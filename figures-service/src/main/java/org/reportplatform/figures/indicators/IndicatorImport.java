package org.reportplatform.figures.indicators;

import org.reportplatform.platform.editions.EditionsFollower;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.reportplatform.figures.csv.CsvTable;
import org.reportplatform.figures.csv.RowProblems;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.log.Decision;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorState;
import org.reportplatform.schemas.ReportIds;
import org.slf4j.Logger;
import org.springframework.http.HttpStatus;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Bulk import of an edition's indicators from CSV: one row per indicator, columns {@code id} and
 * {@code value} required; {@code type}, {@code label}, {@code unit}, {@code period},
 * {@code source}, {@code currency}, {@code ownerTeam} and {@code revision} optional (see
 * docs/figures-api.md).
 *
 * <p>All or nothing: every row is checked against the current state first (the same rules as a
 * PUT, plus ownership), and if any row is wrong nothing is written and the answer lists every
 * wrong row. Otherwise each row that changes its indicator becomes one event, rows that change
 * nothing produce none, and all the events go out in one Kafka transaction.
 */
public class IndicatorImport {

    private static final Logger logger = LoggerFactory.getLogger(IndicatorImport.class);

    /** The columns a file may have, in their canonical spelling (matched ignoring case). */
    static final List<String> COLUMNS =
            List.of("id", "value", "type", "label", "unit", "period", "source", "currency", "ownerTeam", "revision");

    private static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?$");
    private static final Pattern SEPARATED_NUMBER = Pattern.compile("^[-+]?\\d[\\d \\u00A0\\u202F'’.,]*$");
    private static final Pattern REVISION = Pattern.compile("^\\d{1,18}$");

    private final IndicatorBook book;
    private final RevisionLog<IndicatorChanged> log;
    private final EventMetadataFactory metadata;
    private final int maxRows;
    private final EditionsFollower editions;

    /** @param editions refuses an import into a closed edition */
    public IndicatorImport(IndicatorBook book, RevisionLog<IndicatorChanged> log, EventMetadataFactory metadata, int maxRows,
            EditionsFollower editions) {
        this.editions = editions;
        this.book = book;
        this.log = log;
        this.metadata = metadata;
        this.maxRows = maxRows;
    }

    /**
     * What an import did: rows read, indicators created, changed and left unchanged, and the
     * events written (created + changed), all in one transaction.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "IndicatorImportResult")
    public record Result(String edition, int rows, int created, int changed, int unchanged, int events) {
    }

    /**
     * What an import would do ({@code ?dryRun=true}), nothing written: the counts of {@link Result}
     * ({@code events} 0), every row's change, and the {@code basis} to send back with the real
     * import so that it applies exactly what was previewed.
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "IndicatorImportDryRun")
    public record DryRun(String edition, int rows, int created, int changed, int unchanged, int events, boolean dryRun, String basis,
            List<RowChange> changes) {
    }

    /** One row of a dry run: its line in the file, the indicator, {@code create|change|unchanged}, and the fields it changes. */
    public record RowChange(long line, String id, String action, List<FieldChange> fields) {
    }

    /** A field a row changes: its value before (null for none) and after, as the CSV would write them. */
    public record FieldChange(String field, String before, String after) {
    }

    /** What {@link #decide} found: the counts, and each row's change (in file order). */
    private record Outcome(Result result, List<RowChange> changes) {
    }

    /**
     * Imports {@code csv} into {@code edition}; blocking (waits for Kafka): call it off the event loop.
     * With a {@code basis} from a dry run, refuses with 412 (nothing written) when any indicator the
     * file touches changed since that dry run.
     */
    public Result importCsv(String edition, String csv, String basis, Caller caller) {
        long started = System.nanoTime();
        IndicatorWrites.checkPath(edition, null);
        CsvTable table = CsvTable.parse(csv, maxRows);
        Map<String, Integer> columns = columns(table.header());
        long parsed = System.nanoTime();
        long[] decided = new long[1];
        Result result = log.write(() -> {
            if (basis != null && !basis.equals(basis(edition, table, columns))) {
                throw new ApiException(HttpStatus.PRECONDITION_FAILED, "basis: indicators of this file changed since the dry run",
                        List.of(new ApiException.FieldProblem("basis", "some indicators this file touches changed since the dry run "
                                + "that gave this basis: run the dry run again, check its changes, then import with its new basis")),
                        Map.of());
            }
            Decision<IndicatorChanged, Outcome> decision = decide(edition, table, columns, caller);
            decided[0] = System.nanoTime();
            return new Decision<>(decision.events(), decision.result().result());
        });
        long done = System.nanoTime();
        logger.info("{} imported {} rows into edition {}: {} created, {} changed, {} unchanged; parsed in {} ms, "
                        + "validated in {} ms, {} events committed in {} ms", caller.accountId(), result.rows(), edition,
                result.created(), result.changed(), result.unchanged(), (parsed - started) / 1_000_000,
                (decided[0] - parsed) / 1_000_000, result.events(), (done - decided[0]) / 1_000_000);
        return result;
    }

    /**
     * The import's dry run: the same checks and refusals as {@link #importCsv} (400 listing every
     * wrong row, 403), nothing written; every row's change and the basis of the answer.
     */
    public DryRun dryRun(String edition, String csv, Caller caller) {
        IndicatorWrites.checkPath(edition, null);
        CsvTable table = CsvTable.parse(csv, maxRows);
        Map<String, Integer> columns = columns(table.header());
        return log.dryRun(() -> decide(edition, table, columns, caller), decision -> {
            Result counts = decision.result().result();
            return new DryRun(edition, counts.rows(), counts.created(), counts.changed(), counts.unchanged(), 0, true,
                    basis(edition, table, columns), decision.result().changes());
        });
    }

    /**
     * What a dry run's answer was based on: a digest of the edition and of the current revision of
     * every indicator the file names (0 for none), so that any change to one of them since (a
     * write, a delete, a creation) gives another basis. Opaque to clients.
     */
    private String basis(String edition, CsvTable table, Map<String, Integer> columns) {
        SortedMap<String, Long> revisions = new TreeMap<>();
        for (CsvTable.Row row : table.rows()) {
            String id = new Cells(row, columns).get("id");
            if (ReportIds.isSourceId(id)) {
                revisions.put(id, book.latest(edition, id).map(IndicatorChanged::getRevision).orElse(0L));
            }
        }
        StringBuilder text = new StringBuilder(edition).append('\n');
        revisions.forEach((id, revision) -> text.append(id).append('=').append(revision).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** The fields that differ between two states of an indicator (all of them for a creation), in the file's column order. */
    private static List<FieldChange> fields(IndicatorState before, IndicatorState after) {
        List<FieldChange> fields = new ArrayList<>();
        field(fields, "label", before == null ? null : before.getLabel(), after.getLabel());
        field(fields, "type", before == null ? null : before.getType().name().toLowerCase(Locale.ROOT),
                after.getType().name().toLowerCase(Locale.ROOT));
        field(fields, "value", before == null ? null : before.getValue(), after.getValue());
        field(fields, "currency", before == null ? null : before.getCurrency(), after.getCurrency());
        field(fields, "unit", before == null ? null : before.getUnit(), after.getUnit());
        field(fields, "period", before == null ? null : before.getPeriod(), after.getPeriod());
        field(fields, "source", before == null ? null : before.getSource(), after.getSource());
        field(fields, "ownerTeam", before == null ? null : before.getOwnerTeam(), after.getOwnerTeam());
        return fields;
    }

    private static void field(List<FieldChange> fields, String name, String before, String after) {
        if (!java.util.Objects.equals(before, after)) {
            fields.add(new FieldChange(name, before, after));
        }
    }

    private static Map<String, Integer> columns(List<String> header) {
        RowProblems problems = new RowProblems();
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            Optional<String> known = COLUMNS.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst();
            if (known.isEmpty()) {
                problems.add(1, null, name.isEmpty() ? "column " + (i + 1) : name,
                        "is not a column of an indicator file: use " + String.join(", ", COLUMNS));
            } else if (columns.putIfAbsent(known.get(), i) != null) {
                problems.add(1, null, name, "appears twice in the header");
            }
        }
        for (String required : List.of("id", "value")) {
            if (!columns.containsKey(required)) {
                problems.add(1, null, required, "the header must have an " + required + " column");
            }
        }
        problems.throwIfAny();
        return columns;
    }

    private Decision<IndicatorChanged, Outcome> decide(String edition, CsvTable table, Map<String, Integer> columns, Caller caller) {
        editions.checkWritable(edition);
        RowProblems problems = new RowProblems();
        List<RowChange> changes = new ArrayList<>();
        Map<String, Long> lineOfId = new HashMap<>();
        List<IndicatorChanged> events = new ArrayList<>();
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        for (CsvTable.Row row : table.rows()) {
            Cells cells = new Cells(row, columns);
            long line = row.line();
            if (row.cells().size() != table.header().size()) {
                problems.add(line, cells.has("id") ? emptyToNull(cells.get("id")) : null, "row",
                        "has " + row.cells().size() + " cells but the header has " + table.header().size());
                continue;
            }
            String id = cells.get("id");
            if (id.isEmpty()) {
                problems.add(line, null, "id", "is required");
                continue;
            }
            if (!ReportIds.isSourceId(id)) {
                problems.add(line, id, "id", "must be lowercase letters and digits joined by single dots or hyphens "
                        + "(e.g. sos-defenders.cases), at most " + ReportIds.MAX_SOURCE_ID_LENGTH + " characters");
                continue;
            }
            Long first = lineOfId.putIfAbsent(id, line);
            if (first != null) {
                problems.add(line, id, "id", "is already on line " + first + ": one row per indicator");
                continue;
            }
            Optional<IndicatorChanged> latest = book.latest(edition, id);
            IndicatorState current = latest.map(IndicatorChanged::getIndicator).orElse(null);
            if (current == null && !caller.isAdmin()) {
                problems.forbidden(line, id, "id", "there is no indicator " + id + " in edition " + edition
                        + " and only an admin creates indicators");
                continue;
            }
            if (current != null && !caller.mayEdit(current.getOwnerTeam())) {
                problems.forbidden(line, id, "id", "belongs to team " + current.getOwnerTeam()
                        + "; your token may import only your team's figures");
                continue;
            }
            String owner = keep(cells.get("ownerTeam"), current == null ? null : current.getOwnerTeam());
            if (current != null && !owner.equals(current.getOwnerTeam()) && !caller.isAdmin()) {
                problems.forbidden(line, id, "ownerTeam", "only an admin assigns an indicator to another team");
                continue;
            }
            if (!checkRevision(cells.get("revision"), latest, current, line, id, problems)) {
                continue;
            }
            String type = keep(cells.get("type"), current == null ? null : current.getType().name().toLowerCase(Locale.ROOT));
            boolean money = "money".equalsIgnoreCase(type);
            String currency = keep(cells.get("currency"), current != null && money ? current.getCurrency() : null);
            String valueCell = cells.get("value");
            if (isNumeric(type) && !NUMBER.matcher(valueCell).matches() && SEPARATED_NUMBER.matcher(valueCell).matches()) {
                problems.add(line, id, "value", "write numbers with digits only and a dot for decimals, "
                        + "without thousands separators (e.g. 4445 or 12.5), got \"" + valueCell + "\"");
                continue;
            }
            IndicatorRequest request = new IndicatorRequest(
                    keep(cells.get("label"), current == null ? null : current.getLabel()),
                    type,
                    value(valueCell, type),
                    currency,
                    replace(cells.get("unit"), current == null ? null : current.getUnit()),
                    replace(cells.get("period"), current == null ? null : current.getPeriod()),
                    replace(cells.get("source"), current == null ? null : current.getSource()),
                    owner,
                    // the file holds the report's language only: the texts in other languages stay
                    current == null ? null : Indicator.textsOf(current));
            IndicatorState state;
            try {
                state = IndicatorWrites.validate(request);
            } catch (ApiException invalid) {
                invalid.errors().forEach(p -> problems.add(line, id, p.field(), p.problem()));
                continue;
            }
            if (owner == null) {
                problems.add(line, id, "ownerTeam", "is required for a new indicator: the team that will own it");
                continue;
            }
            state.setOwnerTeam(owner);
            if (state.equals(current)) {
                unchanged++;
                changes.add(new RowChange(line, id, "unchanged", List.of()));
                continue;
            }
            changes.add(new RowChange(line, id, current == null ? "create" : "change", fields(current, state)));
            if (current == null) {
                created++;
            } else {
                changed++;
            }
            if (problems.isEmpty()) {
                // The all-arguments constructor: Avro's builders copy every field, which shows at 10,000 rows.
                events.add(new IndicatorChanged(metadata.by(caller), edition, id,
                        latest.map(IndicatorChanged::getRevision).orElse(0L) + 1, state));
            }
        }
        problems.throwIfAny();
        return new Decision<>(events, new Outcome(new Result(edition, table.rows().size(), created, changed, unchanged, events.size()),
                changes));
    }

    /** The optional {@code revision} column: the row applies only to the revision it was based on. */
    private static boolean checkRevision(String cell, Optional<IndicatorChanged> latest, IndicatorState current, long line,
            String id, RowProblems problems) {
        if (cell == null || cell.isEmpty()) {
            return true;
        }
        if (!REVISION.matcher(cell).matches()) {
            problems.add(line, id, "revision", "must be the revision the row is based on (e.g. 3), or empty");
            return false;
        }
        long expected = Long.parseLong(cell);
        if (current == null) {
            problems.add(line, id, "revision", "the row is based on revision " + expected + " but the indicator does not exist (any more)");
            return false;
        }
        long now = latest.get().getRevision();
        if (now != expected) {
            problems.add(line, id, "revision", "the row is based on revision " + expected + " but the indicator is now at revision "
                    + now + ": take the current values and apply your change again");
            return false;
        }
        return true;
    }

    private static boolean isNumeric(String type) {
        return type != null && !type.equalsIgnoreCase("text");
    }

    /** A CSV value as the JSON value of a PUT would be: numbers as exact decimals, the rest as text. */
    private static JsonNode value(String cell, String type) {
        if (cell.isEmpty()) {
            return null;
        }
        if (isNumeric(type) && NUMBER.matcher(cell).matches()) {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(cell));
        }
        return JsonNodeFactory.instance.stringNode(cell);
    }

    /** A required field: an absent column or an empty cell keeps the current value. */
    private static String keep(String cell, String current) {
        return cell == null || cell.isEmpty() ? current : cell;
    }

    /** An optional field: an absent column keeps the current value, an empty cell clears it. */
    private static String replace(String cell, String current) {
        return cell == null ? current : emptyToNull(cell);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** The cells of one row by column name; null for a column the file does not have. */
    private record Cells(CsvTable.Row row, Map<String, Integer> columns) {
        boolean has(String column) {
            Integer index = columns.get(column);
            return index != null && index < row.cells().size();
        }

        String get(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                return null;
            }
            return index < row.cells().size() ? row.cells().get(index) : "";
        }
    }
}
