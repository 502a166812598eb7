package org.reportplatform.content.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The demo report's translations, from {@code demo/<edition>/translations/<language>/<slug>.md}:
 * the first {@code # } line is the translated title, the rest the body (like the chapters).
 */
final class DemoTranslations {

    private static final Pattern FILE = Pattern.compile("^demo/(\\d{4})/translations/([a-z]{2,3})/([a-z0-9-]+)\\.md$");

    record DemoTranslation(String edition, String language, String slug, String title, String body) {
    }

    private DemoTranslations() {
    }

    static List<DemoTranslation> load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:demo/*/translations/*/*.md");
            return Arrays.stream(files).map(DemoTranslations::read)
                    .sorted(Comparator.comparing(DemoTranslation::edition).thenComparing(DemoTranslation::slug)
                            .thenComparing(DemoTranslation::language))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the demo translations", e);
        }
    }

    private static DemoTranslation read(Resource file) {
        try {
            String url = file.getURL().toString();
            Matcher name = FILE.matcher(url.substring(url.indexOf("demo/")));
            if (!name.matches()) {
                throw new IllegalStateException("demo translation not named demo/<edition>/translations/<language>/<slug>.md: " + url);
            }
            DemoChapters.Titled text = DemoChapters.titled(file);
            return new DemoTranslation(name.group(1), name.group(2), name.group(3), text.title(), text.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo translation " + file, e);
        }
    }
}
