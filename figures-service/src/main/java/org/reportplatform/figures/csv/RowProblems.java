package org.reportplatform.figures.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.reportplatform.platform.errors.ApiException;
import org.springframework.http.HttpStatus;

/**
 * Every problem of an imported file, gathered before anything is written so that the caller
 * sees them all at once. Refused as one problem document: {@code errors} in the platform's
 * format ({@code field} = {@code line 3: value}) and {@code rows}, the same problems with
 * {@code line}, {@code id}, {@code field} and {@code problem} apart. The status is 403 when
 * every problem is one of permission (rows of another team, creations by a team), 400 otherwise.
 */
public final class RowProblems {

    private final List<RowProblem> problems = new ArrayList<>();
    private boolean onlyPermissions = true;

    public RowProblems add(long line, String id, String field, String problem) {
        problems.add(new RowProblem(line, id, field, problem));
        onlyPermissions = false;
        return this;
    }

    /** A row the caller may not write (it names another team's figure, or creates one without being admin). */
    public RowProblems forbidden(long line, String id, String field, String problem) {
        problems.add(new RowProblem(line, id, field, problem));
        return this;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public int size() {
        return problems.size();
    }

    /** Throws the refusal naming every problem, if there is any; nothing has been written. */
    public void throwIfAny() {
        if (problems.isEmpty()) {
            return;
        }
        TreeSet<Long> lines = problems.stream().map(RowProblem::line).collect(Collectors.toCollection(TreeSet::new));
        String where = lines.stream().limit(10).map(String::valueOf).collect(Collectors.joining(", "))
                + (lines.size() > 10 ? ", …" : "");
        HttpStatus status = onlyPermissions ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
        String detail = (onlyPermissions
                ? "your token may not write " + plural(lines.size(), "row") + " of the file"
                : plural(lines.size(), "line") + " of the file " + (lines.size() == 1 ? "is" : "are") + " invalid")
                + " (line" + (lines.size() == 1 ? " " : "s ") + where + "); nothing was imported";
        List<ApiException.FieldProblem> errors = problems.stream()
                .map(p -> new ApiException.FieldProblem("line " + p.line() + ": " + p.field(), p.problem())).toList();
        throw new ApiException(status, detail, errors, Map.of("rows", List.copyOf(problems), "badLines", lines.size()));
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
