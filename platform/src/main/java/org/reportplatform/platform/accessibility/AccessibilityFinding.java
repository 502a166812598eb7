package org.reportplatform.platform.accessibility;

import java.util.Objects;

/**
 * One thing to check in a text: the rule, a message for the author in French (what is wrong and
 * how to fix it), the excerpt it is about, and its line in the Markdown (1 for the first line).
 */
public record AccessibilityFinding(AccessibilityRule rule, String message, String excerpt, int line) {

    public AccessibilityFinding {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(message);
        Objects.requireNonNull(excerpt);
    }
}
