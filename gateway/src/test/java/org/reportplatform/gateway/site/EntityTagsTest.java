package org.reportplatform.gateway.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

    private static final String ETAG = "\"abc\"";

    @Test
    void matchesTheTagAloneInAListWeakOrStar() {
        assertThat(EntityTags.noneMatchFails(List.of("\"abc\""), ETAG)).isTrue();
        assertThat(EntityTags.noneMatchFails(List.of("\"x\", \"abc\""), ETAG)).isTrue();
        assertThat(EntityTags.noneMatchFails(List.of("\"x\"", "W/\"abc\""), ETAG)).isTrue();
        assertThat(EntityTags.noneMatchFails(List.of("*"), ETAG)).isTrue();
    }

    @Test
    void doesNotMatchOtherTagsOrGarbage() {
        assertThat(EntityTags.noneMatchFails(List.of(), ETAG)).isFalse();
        assertThat(EntityTags.noneMatchFails(List.of("\"abcd\", W/\"ab\""), ETAG)).isFalse();
        assertThat(EntityTags.noneMatchFails(List.of("abc"), ETAG)).isFalse();
        assertThat(EntityTags.noneMatchFails(List.of("\"x\" garbage \"abc\""), ETAG)).isFalse();
    }
}
