package org.reportplatform.gateway.studio.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reportplatform.gateway.backend.BackendClient;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.StudioLabels;
import org.reportplatform.platform.revisions.TextDiff;
import org.reportplatform.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** A resource's history as the services keep it, read as the person looking. */
public final class HistoryReader {

    /** The resource as it is now; {@code deleted} when it left the report (its history stays). */
    public record Current(String title, String ownerTeam, long revision, boolean deleted) {
    }

    /** One revision as a history page lists it. */
    public record Revision(long revision, Instant updatedAt, String updatedByName, List<String> changed, boolean deleted) {
    }

    /** A page of revisions, newest first, and the {@code before} of the next (older) page, if any. */
    public record Page(List<Revision> revisions, Long olderBefore) {
    }

    private static final Pattern NEXT_BEFORE = Pattern.compile("[?&]before=(\\d+)");

    private final Backends backends;

    public HistoryReader(Backends backends) {
        this.backends = backends;
    }

    Mono<Current> current(HistoryKind kind, Caller caller, String edition, String id) {
        return service(kind).get(caller, kind.apiPath(), kind.apiVariables(edition, id)).fetchJson()
                .map(answer -> new Current(answer.body().path(kind.titleField()).asString(id), text(answer.body(), "ownerTeam"),
                        answer.body().path("revision").asLong(answer.revision()), false))
                .onErrorResume(BackendRefusal.class, refusal -> refusal.status() == 404
                        // Deleted (or never existed: the history's own 404 says which).
                        ? titleBeforeDeletion(kind, backends, caller, edition, id).map(title -> new Current(title, null, -1, true))
                        : Mono.error(refusal));
    }

    /**
     * The name a deleted resource had: the title of its last revision before the deletion, so that
     * pages name « Enfants : la suite » and not its id; the id when that revision cannot be read.
     */
    public static Mono<String> titleBeforeDeletion(HistoryKind kind, Backends backends, Caller caller, String edition, String id) {
        BackendClient service = kind.service().apply(backends);
        return service.get(caller, kind.apiPath() + "/revisions?limit=2", kind.apiVariables(edition, id)).fetchJson()
                .flatMap(answer -> {
                    for (JsonNode revision : answer.body()) {
                        if (!revision.path("deleted").asBoolean(false)) {
                            return service.get(caller, kind.apiPath() + "/revisions/" + revision.path("revision").asLong(), kind.apiVariables(edition, id))
                                    .fetchJson().map(before -> before.body().path(kind.titleField()).asString(id));
                        }
                    }
                    return Mono.just(id);
                })
                .onErrorReturn(BackendRefusal.class, id);
    }

    Mono<Page> page(HistoryKind kind, Caller caller, String edition, String id, Long before, int limit) {
        String query = "/revisions?limit=" + limit + (before == null ? "" : "&before=" + before);
        return service(kind).get(caller, kind.apiPath() + query, kind.apiVariables(edition, id)).fetchJson().map(answer -> {
            List<Revision> revisions = new ArrayList<>();
            for (JsonNode json : answer.body()) {
                List<String> changed = new ArrayList<>();
                json.path("changed").forEach(field -> changed.add(field.asString()));
                String name = text(json, "updatedByName");
                revisions.add(new Revision(json.path("revision").asLong(), StudioLabels.instant(text(json, "updatedAt")),
                        name != null ? name : text(json, "updatedBy"), List.copyOf(changed), json.path("deleted").asBoolean(false)));
            }
            Collections.reverse(revisions);
            return new Page(List.copyOf(revisions), nextBefore(answer.headers()).orElse(null));
        });
    }

    /** What changed from revision {@code from} to revision {@code to}. */
    public Mono<Comparison> compare(HistoryKind kind, Caller caller, String edition, String id, long from, long to) {
        if (kind.serverDiff()) {
            return service(kind).get(caller, kind.apiPath() + "/diff?from=" + from + "&to=" + to, kind.apiVariables(edition, id)).fetchJson()
                    .map(answer -> {
                        JsonNode diff = answer.body();
                        List<String> changed = new ArrayList<>();
                        diff.path("changed").forEach(field -> changed.add(StudioLabels.field(field.asString())));
                        return new Comparison(from, to, List.copyOf(changed), diff.path("fromDeleted").asBoolean(false),
                                diff.path("toDeleted").asBoolean(false), Comparison.sections(diff.path("diff").asString("")));
                    });
        }
        return Mono.zip(revision(kind, caller, edition, id, from), revision(kind, caller, edition, id, to)).map(both -> {
            JsonNode before = both.getT1().orElse(null);
            JsonNode after = both.getT2().orElse(null);
            List<String> changed = new ArrayList<>();
            StringBuilder diff = new StringBuilder();
            for (String field : kind.fields()) {
                String a = fieldText(before, field);
                String b = fieldText(after, field);
                if (!a.equals(b)) {
                    changed.add(StudioLabels.field(field));
                    diff.append(TextDiff.unified(field + " (révision " + from + ")", field + " (révision " + to + ")", a, b,
                            TextDiff.DEFAULT_CONTEXT));
                }
            }
            return new Comparison(from, to, List.copyOf(changed), before == null, after == null, Comparison.sections(diff.toString()));
        });
    }

    /** Revision n as it was; empty for the revision that deleted it (410: no content). */
    private Mono<Optional<JsonNode>> revision(HistoryKind kind, Caller caller, String edition, String id, long n) {
        return service(kind).get(caller, kind.apiPath() + "/revisions/" + n, kind.apiVariables(edition, id)).fetchJson()
                .map(answer -> Optional.of(answer.body()))
                .onErrorResume(BackendRefusal.class, refusal -> refusal.status() == 410 ? Mono.just(Optional.empty()) : Mono.error(refusal));
    }

    /** A field as lines of text: a table's rows one per line, its columns one per line, a value as written. */
    private static String fieldText(JsonNode resource, String field) {
        if (resource == null) {
            return "";
        }
        JsonNode value = resource.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isObject()) {
            // Texts per language ({"en": {"label": …, "unit": …}}): one line per language and field.
            StringBuilder lines = new StringBuilder();
            value.properties().forEach(entry -> entry.getValue().properties().forEach(inner -> lines.append(entry.getKey())
                    .append(' ').append(inner.getKey()).append(": ").append(inner.getValue().isArray()
                            ? String.join(" | ", inner.getValue().valueStream().map(HistoryReader::scalar).toList())
                            : scalar(inner.getValue())).append('\n')));
            return lines.toString();
        }
        if (value.isArray()) {
            StringBuilder lines = new StringBuilder();
            for (JsonNode item : value) {
                if (item.isArray()) {
                    List<String> cells = new ArrayList<>();
                    item.forEach(cell -> cells.add(scalar(cell)));
                    lines.append(String.join(" | ", cells));
                } else if (item.isObject()) {
                    lines.append(item.path("name").asString("")).append(" (").append(item.path("type").asString("")).append(')');
                } else {
                    lines.append(scalar(item));
                }
                lines.append('\n');
            }
            return lines.toString();
        }
        return scalar(value);
    }

    private static String scalar(JsonNode value) {
        return value.isNumber() ? value.decimalValue().toPlainString() : value.isNull() ? "" : value.asString("");
    }

    private static Optional<Long> nextBefore(HttpHeaders headers) {
        for (String link : headers.getOrEmpty(HttpHeaders.LINK)) {
            for (String part : link.split(",")) {
                if (part.contains("rel=\"next\"")) {
                    Matcher before = NEXT_BEFORE.matcher(part);
                    if (before.find()) {
                        return Optional.of(Long.parseLong(before.group(1)));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private BackendClient service(HistoryKind kind) {
        return kind.service().apply(backends);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString(null);
    }
}
