package org.reportplatform.figures.datasets;

import java.util.List;
import org.reportplatform.platform.errors.ApiException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reading datasets: {@code /api/editions/{edition}/datasets}. */
@RestController
@RequestMapping("/api/editions/{edition}/datasets")
public class DatasetController {

    private final DatasetBook book;

    public DatasetController(DatasetBook book) {
        this.book = book;
    }

    @GetMapping
    public List<Dataset> list(@PathVariable String edition) {
        return book.datasets(edition);
    }

    @GetMapping("/{id}")
    public ResponseEntity<Dataset> get(@PathVariable String edition, @PathVariable String id) {
        Dataset dataset = book.current(edition, id)
                .orElseThrow(() -> ApiException.notFound("no dataset " + id + " in edition " + edition));
        return ResponseEntity.ok().eTag(dataset.etag()).body(dataset);
    }
}
