package org.reportplatform.gateway.studio.figures;

import java.util.List;

/**
 * What a dataset's CSV file would do, from figures-service's dry run: the table as it would be,
 * or every wrong line with its reason in French, or a problem of the whole file.
 *
 * @param csv       the file's text, sent back with the second step
 * @param revision  the dataset's revision the dry run was checked against (the second step's If-Match)
 * @param after     the dataset as it would be (null when refused)
 * @param changed   whether the file changes the table at all
 * @param problems  the wrong lines
 * @param fileError a problem of the whole file, or null
 */
public record DatasetImportPreview(String csv, long revision, DatasetView after, boolean changed, List<Problem> problems,
        String fileError) {

    /** One wrong line (line 1 is the header): the column and why. */
    public record Problem(long line, String column, String message) {
    }

    public boolean refused() {
        return !problems.isEmpty() || fileError != null;
    }

    public boolean importable() {
        return !refused() && changed;
    }
}
