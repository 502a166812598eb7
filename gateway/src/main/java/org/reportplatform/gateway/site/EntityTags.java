package org.reportplatform.gateway.site;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code If-None-Match} evaluation (RFC 9110, section 13.1.2): weak comparison, lists, {@code *}. */
final class EntityTags {

    private static final Pattern ENTITY_TAG = Pattern.compile("\\s*(?:(\\*)|(?:W/)?(\"[^\"]*\"))\\s*(?:,|$)");

    private EntityTags() {
    }

    /**
     * True when a conditional GET or HEAD with these {@code If-None-Match} values must be answered
     * 304 for a representation with this (quoted) entity tag.
     */
    static boolean noneMatchFails(List<String> ifNoneMatch, String etag) {
        for (String header : ifNoneMatch) {
            Matcher tag = ENTITY_TAG.matcher(header);
            while (tag.lookingAt()) {
                if (tag.group(1) != null || tag.group(2).equals(etag)) {
                    return true;
                }
                if (tag.end() == header.length()) {
                    break;
                }
                tag.region(tag.end(), header.length());
            }
        }
        return false;
    }
}
