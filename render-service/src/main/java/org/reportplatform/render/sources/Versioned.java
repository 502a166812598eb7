package org.reportplatform.render.sources;

/**
 * The latest accepted state of one source: its revision, the value (null once deleted: the
 * revision is kept so that an older event can never bring it back) and the event that set it.
 */
public record Versioned<T>(long revision, T value, EventInfo event) {

    public boolean deleted() {
        return value == null;
    }
}
