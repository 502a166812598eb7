package org.reportplatform.gateway.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.reportplatform.schemas.RenderedOutput;

/** Rendered outputs as the render service publishes them, for tests. */
public final class RenderedOutputs {

    private RenderedOutputs() {
    }

    public static RenderedOutput html(String path, String html) {
        return output(path, "text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }

    public static RenderedOutput output(String path, String contentType, byte[] content) {
        Instant now = Instant.now();
        String edition = path.split("/")[1];
        return RenderedOutput.newBuilder()
                .setPath(path)
                .setEdition(edition)
                .setContentType(contentType)
                .setContent(ByteBuffer.wrap(content))
                .setSha256(sha256Hex(content))
                .setSourceRevisions(Map.of("chapter:" + edition + "/test", 1L))
                .setCauses(List.of(UUID.randomUUID().toString()))
                .setTraceparent(null)
                .setSourceChangedAt(now)
                .setPublishedAt(now)
                .build();
    }

    public static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(String content) {
        return sha256Hex(content.getBytes(StandardCharsets.UTF_8));
    }
}
