package org.reportplatform.gateway.backend;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A service said no (4xx or 5xx). The problem document's common members are read here (status,
 * detail, the {@code errors} naming each field); the whole document stays in {@link #problem()} for
 * pages that need more (a 412's {@code currentRevision}, an import's {@code rows}).
 */
public final class BackendRefusal extends RuntimeException {

    /** One {@code errors} entry: the field (e.g. {@code body}, {@code rows[3][1]}, {@code line 4: value}) and the problem. */
    public record FieldProblem(String field, String problem) {
    }

    private final int status;
    private final String detail;
    private final List<FieldProblem> errors;
    private final JsonNode problem;
    private final boolean fromStandby;

    private BackendRefusal(int status, String detail, List<FieldProblem> errors, JsonNode problem, boolean fromStandby) {
        super(status + " " + detail, null, false, false);
        this.status = status;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.problem = problem;
        this.fromStandby = fromStandby;
    }

    static BackendRefusal of(int status, JsonNode problem) {
        return of(status, problem, false);
    }

    static BackendRefusal of(int status, JsonNode problem, boolean fromStandby) {
        if (problem == null || !problem.isObject()) {
            return new BackendRefusal(status, "", List.of(), null, fromStandby);
        }
        List<FieldProblem> errors = new ArrayList<>();
        JsonNode list = problem.path("errors");
        if (list.isArray()) {
            for (JsonNode error : list) {
                errors.add(new FieldProblem(error.path("field").asString(""), error.path("problem").asString("")));
            }
        }
        return new BackendRefusal(status, problem.path("detail").asString(""), errors, problem, fromStandby);
    }

    /** A standby instance of a writer refused: nothing changed, another instance may take the request. */
    public boolean fromStandby() {
        return fromStandby;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** The whole problem document; null when the body was not JSON. */
    public JsonNode problem() {
        return problem;
    }
}
