package org.reportplatform.gateway.site;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.reportplatform.schemas.RenderedOutput;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * One output the gateway serves, as the render service last published it: its bytes, how to
 * label them, and the entity tag that lets readers revalidate.
 *
 * @param path        the URL path it is served at (the record key)
 * @param topic       the topic it came from
 * @param contentType the stored content type
 * @param content     the bytes, never modified after construction
 * @param sha256      hex SHA-256 of the bytes: the strong entity tag
 * @param causes      event ids of the changes that caused this rebuild
 * @param publishedAt when the render service published it
 * @param provenance  what it was built from and when the change that caused it was made
 */
public record SiteEntry(String path, String topic, MediaType contentType, byte[] content, String sha256,
        List<String> causes, Instant publishedAt, Provenance provenance) {

    /**
     * Where an output comes from: the live stream tells the web team this, the pages do not need it.
     *
     * @param sourceRevisions every source it was built from ({@code chapter:2024/enfants}) and its revision
     * @param traceparent     the W3C trace context of the latest change that caused it, or null
     * @param sourceChangedAt when the earliest change that caused it was accepted
     */
    public record Provenance(Map<String, Long> sourceRevisions, String traceparent, Instant sourceChangedAt) {
        public static final Provenance NONE = new Provenance(Map.of(), null, null);

        public Provenance {
            sourceRevisions = sourceRevisions == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(sourceRevisions));
        }
    }

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public SiteEntry {
        causes = List.copyOf(causes);
        provenance = provenance == null ? Provenance.NONE : provenance;
    }

    /**
     * The entry a record describes. The record's {@code sha256} is trusted when it is a well-formed
     * hex digest (the render service computes it); a missing or malformed one is computed here so
     * the ETag always identifies the bytes.
     */
    public static SiteEntry of(String topic, String path, RenderedOutput output) {
        ByteBuffer buffer = output.getContent().duplicate();
        byte[] content = new byte[buffer.remaining()];
        buffer.get(content);
        String declared = output.getSha256() == null ? "" : output.getSha256().toLowerCase();
        String sha256 = SHA256_HEX.matcher(declared).matches() ? declared : sha256Hex(content);
        return new SiteEntry(path, topic, mediaType(output.getContentType()), content, sha256,
                output.getCauses() == null ? List.of() : output.getCauses(), output.getPublishedAt(),
                new Provenance(output.getSourceRevisions(), output.getTraceparent(), output.getSourceChangedAt()));
    }

    /** The strong entity tag: the SHA-256 of the bytes, quoted. */
    public String etag() {
        return '"' + sha256 + '"';
    }

    /** An HTML page (the {@code ?live} reload script can be added to it). */
    public boolean isHtml() {
        return contentType.isCompatibleWith(MediaType.TEXT_HTML);
    }

    public boolean isText() {
        return "text".equals(contentType.getType()) || contentType.getSubtype().endsWith("json")
                || contentType.getSubtype().endsWith("xml") || contentType.getSubtype().equals("javascript");
    }

    private static MediaType mediaType(String value) {
        try {
            return value == null || value.isBlank() ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(value);
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }

    static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
