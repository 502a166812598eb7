package org.reportplatform.platform.security;

import java.util.Locale;

/** What a person may do beyond reading the public report. A person has one or more roles. */
public enum Role {
    /** Administers accounts, the report's structure, and edits everything. */
    ADMIN,
    /** Monitors and repairs the pipeline (the operations dashboard, dead letters). */
    OPERATOR,
    /** The web team: watches rebuilds live. */
    WEBTEAM,
    /** Reviews drafts before they are published. */
    REVIEWER,
    /** A member of one or more programme teams: edits what those teams own. */
    MEMBER;

    /** The name in events, assertions and the API: lower case ({@code admin}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Spring Security's authority for this role ({@code ROLE_ADMIN}). */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role named {@code id} ({@code admin}, any case); IllegalArgumentException otherwise. */
    public static Role of(String id) {
        return Role.valueOf(id.strip().toUpperCase(Locale.ROOT));
    }
}
