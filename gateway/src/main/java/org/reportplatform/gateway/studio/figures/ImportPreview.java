package org.reportplatform.gateway.studio.figures;

import java.util.List;

/**
 * What an indicators file would do, from figures-service's dry run: every change (a row per field),
 * every wrong row with its reason in French, or a problem of the whole file. Nothing can be
 * imported while there is a problem.
 *
 * @param csv       the file's text, sent back with {@code Importer}
 * @param basis     the dry run's basis: the import applies only if nothing it touches changed since
 * @param changes   what the import would change
 * @param problems  the wrong rows
 * @param fileError a problem of the whole file (empty, not UTF-8, too big...), or null
 * @param created   indicators it would create
 * @param changed   indicators it would change
 * @param unchanged rows that change nothing
 */
public record ImportPreview(String csv, String basis, List<Change> changes, List<Problem> problems, String fileError,
        int created, int changed, int unchanged) {

    /** One field an import changes (a created indicator has one per field it sets). */
    public record Change(long line, String id, String label, boolean created, String field, String before, String after) {
    }

    /** One wrong row (line 1 is the header): the indicator it names, if any, the column, and why. */
    public record Problem(long line, String id, String label, String column, String message) {
    }

    public boolean importable() {
        return problems.isEmpty() && fileError == null && created + changed > 0;
    }

    public boolean refused() {
        return !problems.isEmpty() || fileError != null;
    }

    /** The ids the import changes or creates, once each, in file order (the success page links them). */
    public List<String> ids() {
        return changes.stream().map(Change::id).distinct().toList();
    }
}
