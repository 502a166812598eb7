package org.reportplatform.gateway.studio.figures;

import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * The CSV text a studio form sent: the chosen file (field {@code file}) when there is one, else
 * the pasted text (field {@code csv}), and the form's other fields. The file is read as UTF-8, as
 * figures-service reads it: bytes that are not UTF-8 become replacement characters, which the
 * service refuses with the line they are on (never stored).
 *
 * @param csv    the file's text ("" when the person sent neither)
 * @param fields the form's other text fields (first value of each)
 */
record CsvUpload(String csv, java.util.Map<String, String> fields) {

    /** {@code text/csv; charset=UTF-8}, the type the studio sends files to figures-service with. */
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    String field(String name) {
        return fields.getOrDefault(name, "");
    }

    /** Reads a multipart form (a file field) or a plain form (the text sent back by a preview). */
    static Mono<CsvUpload> read(ServerRequest request) {
        MediaType type = request.headers().contentType().orElse(MediaType.APPLICATION_FORM_URLENCODED);
        if (MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)) {
            return request.multipartData().flatMap(CsvUpload::ofParts);
        }
        return request.formData().map(form -> {
            java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
            form.forEach((name, values) -> fields.put(name, values.isEmpty() || values.get(0) == null ? "" : values.get(0)));
            return new CsvUpload(fields.getOrDefault("csv", ""), fields);
        });
    }

    private static Mono<CsvUpload> ofParts(MultiValueMap<String, Part> parts) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        parts.forEach((name, list) -> {
            if (!list.isEmpty() && list.get(0) instanceof FormFieldPart field) {
                fields.put(name, field.value());
            }
        });
        Part file = parts.getFirst("file");
        if (file instanceof FilePart filePart && !filePart.filename().isBlank()) {
            return DataBufferUtils.join(filePart.content())
                    .map(buffer -> {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        DataBufferUtils.release(buffer);
                        return new String(bytes, StandardCharsets.UTF_8);
                    })
                    .defaultIfEmpty("")
                    .map(text -> new CsvUpload(text, fields));
        }
        return Mono.just(new CsvUpload(fields.getOrDefault("csv", ""), fields));
    }
}
