package org.reportplatform.render.site;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.reportplatform.render.sources.SourceRef;

/**
 * For every rendered output, the sources it used, and the reverse: which outputs use a source.
 * Recorded each time an output is rendered (replacing what it used before); forgotten when the
 * output no longer exists. Not thread-safe: {@link Site} serialises access.
 */
final class DependencyIndex {

    private final Map<OutputId, Set<SourceRef>> uses = new HashMap<>();
    private final Map<SourceRef, Set<OutputId>> usedBy = new HashMap<>();

    void record(OutputId output, Collection<SourceRef> sources) {
        forget(output);
        Set<SourceRef> set = Set.copyOf(sources);
        uses.put(output, set);
        for (SourceRef source : set) {
            usedBy.computeIfAbsent(source, s -> new HashSet<>()).add(output);
        }
    }

    void forget(OutputId output) {
        Set<SourceRef> previous = uses.remove(output);
        if (previous == null) {
            return;
        }
        for (SourceRef source : previous) {
            Set<OutputId> outputs = usedBy.get(source);
            if (outputs != null) {
                outputs.remove(output);
                if (outputs.isEmpty()) {
                    usedBy.remove(source);
                }
            }
        }
    }

    SortedSet<OutputId> dependents(SourceRef source) {
        return new TreeSet<>(usedBy.getOrDefault(source, Set.of()));
    }

    SortedSet<SourceRef> sources(OutputId output) {
        return new TreeSet<>(uses.getOrDefault(output, Set.of()));
    }

    int size() {
        return uses.size();
    }
}
