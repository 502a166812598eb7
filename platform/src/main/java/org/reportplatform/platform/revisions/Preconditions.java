package org.reportplatform.platform.revisions;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reportplatform.platform.errors.ApiException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Optimistic concurrency on a revisioned resource, from the request's {@code If-Match} and
 * {@code If-None-Match} headers. The entity tag of a resource is its revision: {@code "7"}.
 *
 * <ul>
 *   <li>{@code If-None-Match: *} asks to create: 412 if the resource exists.</li>
 *   <li>{@code If-Match: "n"} asks to change revision n: 412 (with the current revision) if it is
 *       not the current one, or if the resource does not exist.</li>
 *   <li>Changing an existing resource without If-Match is refused with 428, so no one silently
 *       overwrites an edit they have not seen.</li>
 *   <li>A change that is an explicit choice of content or order (restore, move) needs no
 *       If-Match, but one that is sent is checked ({@link #checkIfPresent}).</li>
 * </ul>
 */
public record Preconditions(String ifMatch, String ifNoneMatch) {

    private static final Pattern STRONG_REVISION = Pattern.compile("^\"(\\d{1,18})\"$");

    public static Preconditions of(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        return new Preconditions(headers.getFirst(HttpHeaders.IF_MATCH), headers.getFirst(HttpHeaders.IF_NONE_MATCH));
    }

    /** Checks a create-or-update against the current revision (empty if the resource does not exist). */
    public void checkWrite(OptionalLong current) {
        if (ifNoneMatch != null) {
            if (!ifNoneMatch.strip().equals("*")) {
                throw ApiException.badRequest("If-None-Match", "only * is supported, to create a resource that must not exist yet");
            }
            if (current.isPresent()) {
                throw conflict(current, "it already exists; to change it send If-Match with its current revision");
            }
        }
        checkIfMatch(current, false);
    }

    /** Checks a change that needs an existing resource (a delete): If-Match is required. */
    public void checkChange(OptionalLong current) {
        checkIfMatch(current, true);
    }

    /**
     * Checks a change that needs no If-Match (a move, a restore: an explicit choice) but honours
     * one when sent: 412 if it names another revision than the current one.
     */
    public void checkIfPresent(OptionalLong current) {
        if (ifMatch != null) {
            checkIfMatch(current, false);
        }
    }

    private void checkIfMatch(OptionalLong current, boolean required) {
        if (ifMatch == null) {
            if (current.isPresent() && (required || ifNoneMatch == null)) {
                throw new ApiException(HttpStatus.PRECONDITION_REQUIRED,
                        "send If-Match: \"" + current.getAsLong() + "\" (the revision you edited) to change this resource",
                        List.of(new ApiException.FieldProblem("If-Match", "required to change an existing resource")),
                        Map.of("currentRevision", current.getAsLong()));
            }
            return;
        }
        Matcher matcher = STRONG_REVISION.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw ApiException.badRequest("If-Match", "must be one revision as a strong entity tag, e.g. \"3\"");
        }
        long expected = Long.parseLong(matcher.group(1));
        if (current.isEmpty()) {
            throw conflict(current, "it does not exist (any more)");
        }
        if (current.getAsLong() != expected) {
            throw conflict(current, "revision " + expected + " is not the current one: it is now at revision "
                    + current.getAsLong() + "; reload it, apply your change again and send If-Match: \"" + current.getAsLong() + "\"");
        }
    }

    private static ApiException conflict(OptionalLong current, String why) {
        return new ApiException(HttpStatus.PRECONDITION_FAILED, "precondition failed: " + why,
                List.of(), current.isPresent() ? Map.of("currentRevision", current.getAsLong()) : Map.of());
    }
}
