package org.reportplatform.content.chapters;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.reportplatform.content.references.KnownReferences;
import org.reportplatform.platform.errors.ApiException.FieldProblem;
import org.reportplatform.platform.revisions.Written;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * What a write answers: the chapter as it is now (the same fields as {@link Chapter}), plus
 * {@code warnings} when the body references an indicator or dataset the edition does not have
 * (yet). The write is accepted all the same; the field is absent when there is nothing to say.
 */
public record WrittenChapter(
        @JsonUnwrapped Chapter chapter,
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @ArraySchema(arraySchema = @Schema(description = "References in the body that name no indicator or dataset of the "
                + "edition: accepted, shown as a marker on the page until the figure exists. Absent when there are none."))
        List<FieldProblem> warnings) {

    public WrittenChapter {
        warnings = List.copyOf(warnings);
    }

    /** The answer to a write: the chapter, its new ETag and Location, and warnings about the references its body makes. */
    static ResponseEntity<WrittenChapter> answer(Written<Chapter> written, KnownReferences references) {
        Chapter chapter = written.resource();
        return ResponseEntity.status(written.status())
                .eTag(chapter.etag())
                .header(HttpHeaders.LOCATION, "/api/editions/" + chapter.edition() + "/chapters/" + chapter.slug())
                .body(new WrittenChapter(chapter, references.warnings(chapter.edition(), chapter.body())));
    }
}
