package org.reportplatform.platform.auth;

/** What a caller may do beyond reading the public report. */
public enum Role {
    /** Creates chapters and figures, assigns owner teams, edits everything. */
    ADMIN,
    /** A programme team: edits the chapters and figures it owns. */
    TEAM,
    /** The web team: watches rebuilds live. */
    WEBTEAM,
    /** Operators: monitor and repair the pipeline. */
    OPERATOR
}
