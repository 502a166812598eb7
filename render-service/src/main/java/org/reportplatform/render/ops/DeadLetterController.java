package org.reportplatform.render.ops;

import java.util.List;
import java.util.Map;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.log.OffEventLoop;
import org.reportplatform.render.deadletters.DeadLetter;
import org.reportplatform.render.deadletters.DeadLetterService;
import org.reportplatform.render.deadletters.DeadLetterService.Outcome;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The dead letters of the source topics, for operators (OPERATOR or ADMIN): list them with their
 * errors, replay one once its cause is fixed. See docs/operations.md.
 */
@RestController
public class DeadLetterController {

    private final DeadLetterService deadLetters;

    public DeadLetterController(DeadLetterService deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** The newest dead letters first, at most 100. */
    @GetMapping("/api/ops/dead-letters")
    public Mono<List<DeadLetter>> list(Caller caller) {
        Operators.require(caller, "reading dead letters");
        return OffEventLoop.call(deadLetters::newest);
    }

    /**
     * Re-processes the dead letter with the running code: 200 {@code {id, outcome: "applied"}}
     * when it applies (its pages are rebuilt as for any event), 422 with the error when it still
     * fails (it stays a dead letter), 404 for an unknown id, 409 when it was replayed already.
     */
    @PostMapping("/api/ops/dead-letters/{id}/replay")
    public Mono<Map<String, Object>> replay(@PathVariable String id, Caller caller) {
        Operators.require(caller, "replaying a dead letter");
        return OffEventLoop.call(() -> deadLetters.replay(id, caller.accountId())).map(outcome -> answer(id, outcome));
    }

    private static Map<String, Object> answer(String id, Outcome outcome) {
        if (outcome instanceof Outcome.Applied applied) {
            return Map.of("id", applied.deadLetter().id(), "outcome", "applied", "stateChanged", applied.stateChanged(),
                    "originalTopic", applied.deadLetter().originalTopic());
        }
        if (outcome instanceof Outcome.StillFailing failing) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "the dead letter still cannot be processed: " + failing.error(),
                    List.of(new ApiException.FieldProblem("record", failing.error())), Map.of("id", failing.deadLetter().id()));
        }
        if (outcome instanceof Outcome.AlreadyReplayed done) {
            throw new ApiException(HttpStatus.CONFLICT, "dead letter " + done.deadLetter().id() + " was replayed already",
                    List.of(), Map.of("id", done.deadLetter().id()));
        }
        throw ApiException.notFound("no dead letter " + id + " (expected <dead-letter topic>-<partition>-<offset> of a record "
                + "still in report.{chapters,indicators,datasets}.v1.DLT)");
    }
}
