package org.reportplatform.content.drafts;

import java.util.List;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.security.Caller;

/**
 * The writers of every kind of draft, one per {@link DraftTarget} (chapters, translations), and
 * which writes a given draft. The one scheduler of draft publications fires through it.
 */
public class DraftKinds {

    private final List<DraftWrites<?, ?>> kinds;

    DraftKinds(List<DraftWrites<?, ?>> kinds) {
        this.kinds = List.copyOf(kinds);
    }

    public DraftWrites<?, ?> of(DraftKey key) {
        return kinds.stream().filter(writes -> writes.handles(key)).findFirst()
                .orElseThrow(() -> ApiException.notFound("there are no drafts of " + key.describe()));
    }

    /**
     * The open drafts of an edition the caller may read, in report order: the chapters' own, or
     * (translations) those of their translations.
     */
    public List<Draft> list(String edition, boolean scheduledOnly, boolean translations, Caller caller) {
        return kinds.stream().flatMap(writes -> writes.list(edition, scheduledOnly, caller).stream())
                .filter(draft -> draft.key().isTranslation() == translations).toList();
    }

    /** A due schedule, by its record key on report.drafts.v1. */
    void fire(String recordKey) {
        DraftKey key = DraftKey.parse(recordKey);
        of(key).fire(key);
    }
}
