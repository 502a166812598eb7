package org.reportplatform.platform.errors;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses, with what the caller needs to fix it. Rendered as an RFC 9457
 * problem document: {@code status}, {@code title}, {@code detail}, and {@code errors}, one per
 * field that is wrong ({@code field}, {@code problem}).
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldProblem> errors;
    private final Map<String, Object> properties;

    public ApiException(HttpStatus status, String detail, List<FieldProblem> errors, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.properties = Map.copyOf(properties);
    }

    public ApiException(HttpStatus status, String detail) {
        this(status, detail, List.of(), Map.of());
    }

    public static ApiException badRequest(String field, String problem) {
        return new ApiException(HttpStatus.BAD_REQUEST, field + ": " + problem, List.of(new FieldProblem(field, problem)), Map.of());
    }

    public static ApiException invalid(List<FieldProblem> problems) {
        String detail = problems.size() == 1
                ? problems.get(0).field() + ": " + problems.get(0).problem()
                : problems.size() + " fields are invalid";
        return new ApiException(HttpStatus.BAD_REQUEST, detail, problems, Map.of());
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, detail);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** Extra members of the problem document, e.g. {@code currentRevision} on a 412. */
    public Map<String, Object> properties() {
        return properties;
    }

    /** One thing wrong with one field of a request. */
    public record FieldProblem(String field, String problem) {
    }
}
