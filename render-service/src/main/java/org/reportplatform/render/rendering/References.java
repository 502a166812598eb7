package org.reportplatform.render.rendering;

import java.util.Optional;
import org.reportplatform.render.sources.Dataset;

/** What {@code {{fig:ID}}} and {@code {{chart:ID}}} in a chapter body stand for, in its edition. */
public interface References {

    /** Indicator ID's value, formatted for the page's language; empty when there is no such indicator. */
    Optional<String> figure(String id);

    /** Dataset ID; empty when there is no such dataset. */
    Optional<Dataset> dataset(String id);
}
