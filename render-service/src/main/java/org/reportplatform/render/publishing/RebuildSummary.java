package org.reportplatform.render.publishing;

/**
 * What one flush or full rebuild did.
 *
 * @param rendered  outputs rendered
 * @param published outputs whose bytes changed, published
 * @param unchanged outputs rendered to the bytes already published, not published again
 * @param deleted   outputs that no longer exist, published as tombstones
 */
public record RebuildSummary(int rendered, int published, int unchanged, int deleted) {

    /** Both summaries added up. */
    public RebuildSummary plus(RebuildSummary other) {
        return new RebuildSummary(rendered + other.rendered, published + other.published, unchanged + other.unchanged,
                deleted + other.deleted);
    }
}
