package org.reportplatform.figures.indicators;

import org.reportplatform.platform.editions.EditionsFollower;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import org.reportplatform.figures.languages.TextLanguages;
import org.reportplatform.schemas.IndicatorTexts;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.reportplatform.figures.csv.FormulaGuard;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.errors.FieldProblems;
import org.reportplatform.platform.log.Decision;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.Preconditions;
import org.reportplatform.platform.revisions.Written;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorState;
import org.reportplatform.schemas.IndicatorType;
import org.reportplatform.schemas.ReportIds;
import tools.jackson.databind.node.JsonNodeFactory;

/** Decides every change to indicators: validation, ownership, revision preconditions. */
public class IndicatorWrites {

    private static final int MAX_TEXT = 200;

    private final IndicatorBook book;
    private final RevisionLog<IndicatorChanged> log;
    private final EventMetadataFactory metadata;
    private final EditionsFollower editions;

    /** @param editions refuses every change to a closed edition's indicators */
    public IndicatorWrites(IndicatorBook book, RevisionLog<IndicatorChanged> log, EventMetadataFactory metadata,
            EditionsFollower editions) {
        this.editions = editions;
        this.book = book;
        this.log = log;
        this.metadata = metadata;
    }

    public static void checkPath(String edition, String id) {
        FieldProblems problems = new FieldProblems();
        problems.check(ReportIds.isEdition(edition), "edition", "must be a year of four digits, e.g. 2024");
        if (id != null) {
            problems.check(ReportIds.isSourceId(id), "id",
                    "must be lowercase letters and digits joined by single dots or hyphens (e.g. sos-defenders.cases), at most " + ReportIds.MAX_SOURCE_ID_LENGTH + " characters");
        }
        problems.throwIfAny();
    }

    public Written<Indicator> put(String edition, String id, IndicatorRequest request, Preconditions preconditions, Caller caller) {
        return log.write(decidePut(edition, id, request, preconditions, caller));
    }

    /**
     * {@link #put}'s dry run ({@code ?dryRun=true}): the same checks and refusals, nothing written;
     * the indicator as the PUT would leave it, at its current revision (0 when it does not exist).
     */
    public Indicator putDryRun(String edition, String id, IndicatorRequest request, Preconditions preconditions, Caller caller) {
        return log.dryRun(decidePut(edition, id, request, preconditions, caller), decision -> decision.events().isEmpty()
                ? decision.result().resource()
                : decision.result().resource().atRevision(decision.events().get(0).getRevision() - 1));
    }

    /**
     * The next revision a PUT of {@code request} on the indicator as it is now would publish,
     * decided exactly as {@link #put} decides it (the same validation, ownership and team rules),
     * as a dry run: nothing is written. A value scheduled for later passes these checks when it is
     * scheduled. 404 if the indicator does not exist (a schedule never creates one); empty when
     * the PUT would change nothing.
     */
    public Optional<IndicatorChanged> nextRevisionDryRun(String edition, String id, IndicatorRequest request, Caller caller) {
        checkPath(edition, id);
        Indicator current = book.requireCurrent(edition, id);
        Preconditions onCurrent = new Preconditions(current.etag(), null);
        return log.dryRun(decidePut(edition, id, request, onCurrent, caller), decision -> decision.events().stream().findFirst());
    }

    /** Checks the request now, and decides the PUT against the state when the log runs it. */
    private Supplier<Decision<IndicatorChanged, Written<Indicator>>> decidePut(String edition, String id, IndicatorRequest request,
            Preconditions preconditions, Caller caller) {
        checkPath(edition, id);
        IndicatorState requested = validate(request);
        return () -> {
            editions.checkWritable(edition);
            Optional<IndicatorChanged> latest = book.latest(edition, id);
            Optional<Indicator> current = book.current(edition, id);
            preconditions.checkWrite(current.map(i -> OptionalLong.of(i.revision())).orElse(OptionalLong.empty()));
            long revision = latest.map(IndicatorChanged::getRevision).orElse(0L) + 1;
            if (current.isEmpty()) {
                if (!caller.isAdmin()) {
                    throw ApiException.forbidden("only an admin creates indicators; ask an admin to create " + id + " for your team");
                }
                if (request.ownerTeam() == null) {
                    throw ApiException.badRequest("ownerTeam", "is required when an indicator is created: the team that will own it");
                }
            } else {
                Indicator existing = current.get();
                if (!caller.mayEdit(existing.ownerTeam())) {
                    throw ApiException.forbidden("indicator " + id + " belongs to team " + existing.ownerTeam()
                            + "; your token may edit only your team's figures");
                }
                requested.setOwnerTeam(Objects.requireNonNullElse(request.ownerTeam(), existing.ownerTeam()));
                if (request.texts() == null) {
                    // a request without texts (a CSV import, a scheduled value) leaves them as they are
                    requested.setTexts(latest.get().getIndicator().getTexts());
                }
                if (!requested.getOwnerTeam().equals(existing.ownerTeam()) && !caller.isAdmin()) {
                    throw ApiException.forbidden("only an admin assigns an indicator to another team");
                }
                if (requested.equals(latest.get().getIndicator())) {
                    return Decision.nothing(new Written<>(existing, false));
                }
            }
            IndicatorChanged event = IndicatorChanged.newBuilder().setMetadata(metadata.by(caller)).setEdition(edition)
                    .setIndicatorId(id).setRevision(revision).setIndicator(requested).build();
            return Decision.publish(event, new Written<>(Indicator.of(event), current.isEmpty()));
        };
    }

    /**
     * Removes an indicator from the edition: admin only, and only from the revision the caller
     * saw ({@code If-Match} required). The delete is a revision whose state is null; the id may be
     * created again later, its revisions going on from there.
     */
    public void delete(String edition, String id, Preconditions preconditions, Caller caller) {
        checkPath(edition, id);
        log.write(() -> {
            Indicator current = book.requireCurrent(edition, id);
            if (!caller.isAdmin()) {
                throw ApiException.forbidden("only an admin removes an indicator from the report");
            }
            editions.checkWritable(edition);
            preconditions.checkChange(OptionalLong.of(current.revision()));
            IndicatorChanged event = IndicatorChanged.newBuilder().setMetadata(metadata.by(caller)).setEdition(edition)
                    .setIndicatorId(id).setRevision(current.revision() + 1).setIndicator(null).build();
            return Decision.publish(event, null);
        });
    }

    /**
     * Makes revision {@code revision}'s label, type, value, currency, unit, period and source
     * current again, as a new revision, under the rules of a PUT (validated again, the owning
     * team or an admin). It is an explicit choice of content, so If-Match is not needed, but one
     * that is sent must be the current revision. The owner team stays; a deleted indicator comes
     * back with that revision's owner team, which is creating it: admin only. Restoring the
     * current content publishes nothing.
     */
    public Written<Indicator> restore(String edition, String id, long revision, Preconditions preconditions, Caller caller) {
        checkPath(edition, id);
        return log.write(() -> {
            long last = book.requireLastRevision(edition, id);
            editions.checkWritable(edition);
            IndicatorState restored = requireContent(edition, id, revision);
            Optional<Indicator> current = book.current(edition, id);
            preconditions.checkIfPresent(current.map(i -> OptionalLong.of(i.revision())).orElse(OptionalLong.empty()));
            long next = last + 1;
            String owner;
            if (current.isPresent()) {
                owner = current.get().ownerTeam();
                if (!caller.mayEdit(owner)) {
                    throw ApiException.forbidden("indicator " + id + " belongs to team " + owner
                            + "; your token may restore only your team's figures");
                }
            } else {
                if (!caller.isAdmin()) {
                    throw ApiException.forbidden("indicator " + id + " was deleted; only an admin brings an indicator back into the report");
                }
                owner = restored.getOwnerTeam();
            }
            IndicatorState state = validate(requestOf(restored, owner));
            if (current.isPresent() && state.equals(book.latest(edition, id).orElseThrow().getIndicator())) {
                return Decision.nothing(new Written<>(current.get(), false));
            }
            IndicatorChanged event = IndicatorChanged.newBuilder().setMetadata(metadata.by(caller)).setEdition(edition)
                    .setIndicatorId(id).setRevision(next).setIndicator(state).build();
            return Decision.publish(event, new Written<>(Indicator.of(event), current.isEmpty()));
        });
    }

    /**
     * The state of revision n of an indicator (read back from the log unless it is the latest):
     * 404 if there is no such revision, 400 if it is a deletion.
     */
    private IndicatorState requireContent(String edition, String id, long revision) {
        IndicatorChanged event = book.requireRevision(edition, id, revision);
        if (event.getIndicator() == null) {
            throw ApiException.badRequest("revision", "revision " + revision
                    + " deleted the indicator: it has nothing to restore; restore a revision before it");
        }
        return event.getIndicator();
    }

    /** A PUT body asking for a stored state (with the given owner), so a restore is checked like a PUT. */
    private static IndicatorRequest requestOf(IndicatorState state, String ownerTeam) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        return new IndicatorRequest(state.getLabel(), state.getType().name().toLowerCase(java.util.Locale.ROOT),
                state.getType() == IndicatorType.TEXT ? json.stringNode(state.getValue())
                        : state.getValue().isEmpty() ? json.nullNode() : json.numberNode(new BigDecimal(state.getValue())),
                state.getCurrency(), state.getUnit(), state.getPeriod(), state.getSource(), ownerTeam, Indicator.textsOf(state));
    }

    /**
     * The state a request asks for, or a 400 naming every invalid field. {@code ownerTeam} is
     * the requested one, or empty when the request names none (the caller fills it in).
     */
    static IndicatorState validate(IndicatorRequest request) {
        if (request == null) {
            throw ApiException.badRequest("body", "a JSON object with label, type and value is required");
        }
        FieldProblems problems = new FieldProblems();
        text(problems, "label", request.label(), true);
        text(problems, "unit", request.unit(), false);
        text(problems, "period", request.period(), false);
        text(problems, "source", request.source(), false);
        if (request.ownerTeam() != null) {
            problems.check(ReportIds.isTeam(request.ownerTeam()), "ownerTeam", "must be a team id: lowercase letters, digits and single hyphens");
        }
        Map<String, IndicatorTexts> texts = TextLanguages.check(problems, Objects.requireNonNullElse(request.texts(), Map.of()),
                (prefix, text) -> {
                    text(problems, prefix + "label", text.label(), true);
                    text(problems, prefix + "unit", text.unit(), false);
                    text(problems, prefix + "source", text.source(), false);
                }, IndicatorText::stored);
        IndicatorType type = IndicatorValues.type(request.type(), problems);
        String value = type == null ? null : IndicatorValues.normalize(type, request.value(), request.currency(), problems);
        if (type != null && type != IndicatorType.MONEY && request.currency() != null) {
            problems.add("currency", "only money indicators have a currency");
        }
        problems.throwIfAny();
        return IndicatorState.newBuilder().setLabel(request.label()).setType(type).setValue(value)
                .setCurrency(request.currency()).setUnit(request.unit()).setPeriod(request.period())
                .setSource(request.source()).setOwnerTeam(Objects.requireNonNullElse(request.ownerTeam(), ""))
                .setTexts(new java.util.HashMap<>(texts)).build();
    }

    private static void text(FieldProblems problems, String field, String value, boolean required) {
        if (value == null) {
            problems.check(!required, field, "is required");
            return;
        }
        problems.check(!required || !value.isBlank(), field, "must not be blank");
        problems.check(value.length() <= MAX_TEXT, field, "is " + value.length() + " characters long; the limit is " + MAX_TEXT);
        problems.check(value.chars().noneMatch(Character::isISOControl), field, "must be one line without control characters");
        String formula = FormulaGuard.problem(value);
        if (formula != null) {
            problems.add(field, formula);
        }
    }
}
