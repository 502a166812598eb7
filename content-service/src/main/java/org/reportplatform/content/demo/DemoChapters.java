package org.reportplatform.content.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The demo report's chapters, from {@code demo/<edition>/chapters/NN-<slug>.md}: the file name
 * gives the position and slug, the first {@code # } line the title, the rest the body, and the
 * owner team is the slug (see demo/README.md).
 */
final class DemoChapters {

    private static final Pattern FILE = Pattern.compile("^demo/(\\d{4})/chapters/(\\d{2})-([a-z0-9-]+)\\.md$");

    record DemoChapter(String edition, int position, String slug, String title, String body) {
    }

    private DemoChapters() {
    }

    static List<DemoChapter> load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:demo/*/chapters/*.md");
            return Arrays.stream(files).map(DemoChapters::read)
                    .sorted(Comparator.comparing(DemoChapter::edition).thenComparingInt(DemoChapter::position))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the demo chapters", e);
        }
    }

    private static DemoChapter read(Resource file) {
        try {
            String url = file.getURL().toString();
            Matcher name = FILE.matcher(url.substring(url.indexOf("demo/")));
            if (!name.matches()) {
                throw new IllegalStateException("demo chapter file not named demo/<edition>/chapters/NN-<slug>.md: " + url);
            }
            Titled text = titled(file);
            return new DemoChapter(name.group(1), Integer.parseInt(name.group(2)), name.group(3), text.title(), text.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo chapter " + file, e);
        }
    }

    /** A demo text file's title (its first line, {@code # Title}) and body (the rest). */
    record Titled(String title, String body) {
    }

    /** Reads a demo text file: a chapter, or a translation of one. */
    static Titled titled(Resource file) throws IOException {
        String text = file.getContentAsString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        int firstLineEnd = text.indexOf('\n');
        String heading = text.substring(0, firstLineEnd);
        if (!heading.startsWith("# ")) {
            throw new IllegalStateException("demo text " + file.getURL() + " must start with a '# Title' line");
        }
        return new Titled(heading.substring(2).strip(), text.substring(firstLineEnd + 1).strip() + "\n");
    }
}
