package org.reportplatform.render.site;

import java.util.Optional;
import java.util.SortedSet;
import org.reportplatform.render.sources.ReportState;
import org.reportplatform.render.sources.SourceRef;

/** Renders one output from the current state, reporting every source it read. */
public interface OutputRenderer {

    /**
     * The output's bytes and the sources it used, or empty when the output does not exist in this
     * state (e.g. the page of a deleted chapter). Must be deterministic: the same state gives the
     * same bytes.
     */
    Optional<Rendered> render(OutputId id, ReportState state);

    record Rendered(String contentType, byte[] content, SortedSet<SourceRef> sources) {
    }
}
