package org.reportplatform.platform.revisions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextDiffTest {

    @Test
    void sameLinesGiveNoDiff() {
        assertThat(TextDiff.unified("a", "b", "Un.\nDeux.\n", "Un.\nDeux.", 3)).isEmpty();
        assertThat(TextDiff.unified("a", "b", null, "", 3)).isEmpty();
    }

    @Test
    void aTextThatWasEmptyStartsAtLineZero() {
        assertThat(TextDiff.unified("a", "b", null, "« Œuvrer » ensemble.\nAujourd’hui.\n", 3)).isEqualTo("""
                --- a
                +++ b
                @@ -0,0 +1,2 @@
                +« Œuvrer » ensemble.
                +Aujourd’hui.
                """);
    }

    @Test
    void distantChangesAreSeparateHunks() {
        StringBuilder before = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            before.append("Ligne ").append(i).append('\n');
        }
        String after = before.toString().replace("Ligne 2\n", "Ligne deux\n").replace("Ligne 19\n", "Ligne dix-neuf\n");

        String diff = TextDiff.unified("a", "b", before.toString(), after, 3);

        assertThat(diff).contains("@@ -1,5 +1,5 @@").contains("@@ -16,5 +16,5 @@").contains("-Ligne 2\n+Ligne deux\n");
    }
}
