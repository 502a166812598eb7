package org.reportplatform.figures;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits of figures-service ({@code report.figures.*}).
 *
 * @param maxBodySize       largest request body (JSON or CSV); larger is refused with 413
 * @param maxImportRows     most data rows in one CSV import (indicators or a dataset's rows)
 * @param maxDatasetColumns most columns of a dataset
 * @param maxDatasetRows    most rows of a dataset
 * @param maxCellLength     longest dataset cell and column name, in characters
 * @param maxDatasetBytes   largest dataset event once Avro-encoded: one dataset is one Kafka record,
 *                          and report.datasets.v1 takes records of at most 1 MiB
 */
@ConfigurationProperties("report.figures")
public record FiguresProperties(
        @DefaultValue("5MB") DataSize maxBodySize,
        @DefaultValue("10000") int maxImportRows,
        @DefaultValue("50") int maxDatasetColumns,
        @DefaultValue("10000") int maxDatasetRows,
        @DefaultValue("500") int maxCellLength,
        @DefaultValue("1000000") int maxDatasetBytes) {
}
