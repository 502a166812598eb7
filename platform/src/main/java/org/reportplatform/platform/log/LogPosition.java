package org.reportplatform.platform.log;

/**
 * Where one record is on its topic: what a writer keeps in memory instead of an old revision's
 * content, to read it back from the log when it is asked for ({@link RevisionReader}).
 */
public record LogPosition(int partition, long offset) {

    public LogPosition {
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("no record at partition " + partition + ", offset " + offset);
        }
    }

    @Override
    public String toString() {
        return partition + "@" + offset;
    }
}
