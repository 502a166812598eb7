package org.reportplatform.gateway.accounts;

import org.reportplatform.gateway.accounts.AccountsApi.Problem;

/** The accounts API said no (4xx or 5xx), with its problem document, for the page to explain. */
public final class ApiRefusal extends RuntimeException {

    private final Problem problem;

    public ApiRefusal(Problem problem) {
        super(problem.status() + " " + problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }
}
