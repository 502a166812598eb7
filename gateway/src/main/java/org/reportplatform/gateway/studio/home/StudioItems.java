package org.reportplatform.gateway.studio.home;

import java.time.Instant;
import org.reportplatform.gateway.studio.StudioLabels;
import tools.jackson.databind.JsonNode;

/** What the studio's home and structure pages list, read from the services' JSON. */
public final class StudioItems {

    private StudioItems() {
    }

    /** A chapter as the home lists it; {@code mayEdit}: the person looking may change it. */
    public record Chapter(String slug, String title, int position, String ownerTeam, long revision, Instant updatedAt,
            String updatedByName, boolean mayEdit) {

        static Chapter of(JsonNode json, boolean mayEdit) {
            return new Chapter(json.path("slug").asString(""), json.path("title").asString(""), json.path("position").asInt(0),
                    text(json, "ownerTeam"), json.path("revision").asLong(0), StudioLabels.instant(text(json, "updatedAt")),
                    who(json), mayEdit);
        }
    }

    /** A key figure: its label, its value as the report prints it. */
    public record Indicator(String id, String label, String value, String ownerTeam, long revision, Instant updatedAt,
            String updatedByName, boolean mayEdit) {

        static Indicator of(JsonNode json, boolean mayEdit) {
            return new Indicator(json.path("id").asString(""), json.path("label").asString(""), StudioLabels.indicatorValue(json),
                    text(json, "ownerTeam"), json.path("revision").asLong(0), StudioLabels.instant(text(json, "updatedAt")),
                    who(json), mayEdit);
        }
    }

    /** A dataset: its title and how many rows it has. */
    public record Dataset(String id, String title, int rows, String ownerTeam, long revision, Instant updatedAt, String updatedByName,
            boolean mayEdit) {

        static Dataset of(JsonNode json, boolean mayEdit) {
            return new Dataset(json.path("id").asString(""), json.path("title").asString(""), json.path("rows").size(),
                    text(json, "ownerTeam"), json.path("revision").asLong(0), StudioLabels.instant(text(json, "updatedAt")),
                    who(json), mayEdit);
        }
    }

    private static String who(JsonNode json) {
        String name = text(json, "updatedByName");
        return name != null ? name : text(json, "updatedBy");
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asString(null);
    }
}
