package org.reportplatform.platform.errors;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a request before refusing it, so the caller sees them all at once. */
public final class FieldProblems {

    private final List<ApiException.FieldProblem> problems = new ArrayList<>();

    public FieldProblems add(String field, String problem) {
        problems.add(new ApiException.FieldProblem(field, problem));
        return this;
    }

    public FieldProblems check(boolean ok, String field, String problem) {
        return ok ? this : add(field, problem);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws a 400 naming every problem found, if any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw ApiException.invalid(problems);
        }
    }
}
