package org.reportplatform.platform.editions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reportplatform.platform.errors.ApiException;
import org.springframework.http.HttpStatus;

/**
 * The one answer to a change in a closed edition, whichever service refuses it (chapters,
 * translations, drafts in content-service; indicators, datasets, schedules in figures-service):
 * 409, naming the field {@code edition}.
 */
public final class ClosedEditions {

    private ClosedEditions() {
    }

    /** 409 if the edition is closed; nothing otherwise (an unknown edition is not closed). */
    public static void checkWritable(String edition, Optional<Edition> known) {
        if (known.filter(Edition::isClosed).isPresent()) {
            throw closed(edition);
        }
    }

    /** The 409 of a change to a closed edition. */
    public static ApiException closed(String edition) {
        String problem = "the " + edition + " edition is closed: it can only be corrected by an erratum";
        return new ApiException(HttpStatus.CONFLICT, "edition: " + problem, List.of(new ApiException.FieldProblem("edition", problem)),
                Map.of());
    }
}
