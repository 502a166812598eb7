package org.reportplatform.gateway.preview;

import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.platform.security.Caller;
import reactor.core.publisher.Mono;

/**
 * Who may see a draft's preview: exactly who may read the draft. The gateway does not decide it: it
 * asks content-service {@code GET /api/editions/{edition}/chapters/{slug}/draft} (a translation's:
 * {@code .../chapters/{slug}/translations/{language}/draft}) as the caller (through
 * {@link Backends}, with the caller's assertion), so the chapter's team (and a translation's
 * translator team), reviewers and admins see it, and the rule lives in one place.
 */
final class DraftReaders {

    /** What content-service answered. */
    enum Answer { ALLOWED, FORBIDDEN, NO_DRAFT }

    private final Backends backends;

    DraftReaders(Backends backends) {
        this.backends = backends;
    }

    /** ALLOWED (200), FORBIDDEN (401, 403), NO_DRAFT (404); an error for anything else (the service down: 503). */
    Mono<Answer> check(Caller caller, String edition, String slug, String language) {
        return (language == null
                ? backends.content().get(caller, "/api/editions/{edition}/chapters/{slug}/draft", edition, slug)
                : backends.content().get(caller, "/api/editions/{edition}/chapters/{slug}/translations/{language}/draft", edition, slug,
                        language)).send()
                .thenReturn(Answer.ALLOWED)
                .onErrorResume(BackendRefusal.class, refusal -> switch (refusal.status()) {
                    case 401, 403 -> Mono.just(Answer.FORBIDDEN);
                    case 404 -> Mono.just(Answer.NO_DRAFT);
                    default -> Mono.error(refusal);
                });
    }
}
