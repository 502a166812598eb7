package org.reportplatform.gateway.site;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reportplatform.gateway.ui.UiPages;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * A page as served with {@code ?live}: the published HTML plus one script element before
 * {@code </body>} that reloads the page when the gateway serves a new version of it
 * ({@code /ui/reload.js}, listening to {@code /api/live/page}, or for a draft's preview to
 * {@code /api/live/preview}; template {@code reload-script.jte}). Only for {@code ?live}: without
 * it, the bytes served are exactly the published ones. Its entity tag is its own
 * ({@code "<sha256>.live"}), so a cache never mixes the two.
 */
public final class LiveVariant {

    private static final Pattern BODY_END = Pattern.compile("</body\\s*>", Pattern.CASE_INSENSITIVE);

    private LiveVariant() {
    }

    public static boolean wanted(ServerRequest request, SiteEntry entry) {
        return entry.isHtml() && request.queryParams().containsKey("live");
    }

    public static String etag(SiteEntry entry) {
        return "\"" + entry.sha256() + ".live\"";
    }

    static byte[] content(SiteEntry entry) {
        return content(entry, null);
    }

    /**
     * The page with the reload script listening to {@code events}, a URL of the gateway's that
     * answers {@code page} events like {@code /api/live/page} (null: that one, for the report).
     */
    public static byte[] content(SiteEntry entry, String events) {
        String html = new String(entry.content(), charset(entry));
        Map<String, Object> parameters = new java.util.HashMap<>(Map.of("path", entry.path(), "sha256", entry.sha256()));
        parameters.put("events", events);
        String script = new String(UiPages.render("reload-script.jte", parameters), StandardCharsets.UTF_8);
        int at = lastBodyEnd(html);
        String live = at < 0 ? html + script : html.substring(0, at) + script + html.substring(at);
        return live.getBytes(charset(entry));
    }

    private static int lastBodyEnd(String html) {
        Matcher matcher = BODY_END.matcher(html);
        int last = -1;
        while (matcher.find()) {
            last = matcher.start();
        }
        return last;
    }

    private static Charset charset(SiteEntry entry) {
        return entry.contentType().getCharset() != null ? entry.contentType().getCharset() : StandardCharsets.UTF_8;
    }
}
