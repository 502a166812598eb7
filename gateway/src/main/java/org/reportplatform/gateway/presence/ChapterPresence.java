package org.reportplatform.gateway.presence;

import java.util.List;
import org.reportplatform.platform.security.Caller;
import reactor.core.publisher.Mono;

/**
 * Who has a chapter open in the studio right now, across every gateway replica: the editor page
 * says "I am here" every few seconds, and shows the others.
 */
public interface ChapterPresence {

    /** {@code caller} has the chapter open now; completes once the other replicas can learn it. */
    Mono<Void> here(String edition, String slug, Caller caller);

    /** {@code caller} closed the chapter (left the editor, saved and left). */
    Mono<Void> left(String edition, String slug, Caller caller);

    /** The names of the other people who have the chapter open now (not {@code caller}), in a stable order. */
    List<String> others(String edition, String slug, Caller caller);
}
