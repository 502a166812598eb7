package org.reportplatform.content.references;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.reportplatform.platform.errors.ApiException.FieldProblem;
import org.reportplatform.schemas.ContentReferences;
import org.reportplatform.schemas.ContentReferences.Kind;
import org.reportplatform.schemas.ContentReferences.Reference;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.Topics;

/**
 * Which indicators and datasets exist in each edition, as content-service's own view of
 * report.indicators.v1 and report.datasets.v1 (fed by {@link ReferenceTail}); only ids and
 * existence. Chapter bodies are checked against it: a {@code {{fig:ID}}} or {@code {{chart:ID}}}
 * that names nothing of the edition is a warning, never a refusal (the figure may come later).
 */
public class KnownReferences {

    private final Set<String> indicators = ConcurrentHashMap.newKeySet();
    private final Set<String> datasets = ConcurrentHashMap.newKeySet();
    private volatile boolean caughtUp;

    /** One event of a key arrives after the previous one (same partition): the latest wins. */
    public void apply(IndicatorChanged event) {
        update(indicators, Topics.sourceKey(event.getEdition(), event.getIndicatorId()), event.getIndicator() != null);
    }

    public void apply(DatasetChanged event) {
        update(datasets, Topics.sourceKey(event.getEdition(), event.getDatasetId()), event.getDataset() != null);
    }

    private static void update(Set<String> known, String key, boolean exists) {
        if (exists) {
            known.add(key);
        } else {
            known.remove(key);
        }
    }

    public boolean hasIndicator(String edition, String id) {
        return indicators.contains(Topics.sourceKey(edition, id));
    }

    public boolean hasDataset(String edition, String id) {
        return datasets.contains(Topics.sourceKey(edition, id));
    }

    /**
     * One warning per distinct reference of the body that names no indicator or dataset of the
     * edition, in the order they first appear: {@code {field: "body", problem: "unknown indicator sos.x"}}.
     */
    public List<FieldProblem> warnings(String edition, String body) {
        Set<String> unknown = new LinkedHashSet<>();
        for (Reference reference : ContentReferences.in(body)) {
            String id = reference.id();
            boolean figure = reference.kind() == Kind.FIGURE;
            boolean known = figure ? hasIndicator(edition, id) : hasDataset(edition, id);
            if (!known) {
                unknown.add((figure ? "unknown indicator " : "unknown dataset ") + (id.isEmpty() ? "(no id)" : id));
            }
        }
        List<FieldProblem> warnings = new ArrayList<>();
        unknown.forEach(problem -> warnings.add(new FieldProblem("body", problem)));
        return warnings;
    }

    /** Whether the view has read both topics up to where they ended when the service started. */
    public boolean isCaughtUp() {
        return caughtUp;
    }

    void caughtUp() {
        caughtUp = true;
    }
}
