package org.reportplatform.systemtests.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * Everything one run measured, as the report shows it. Memory maps are KiB by process name.
 *
 * @param demoReadyMs   from starting the four services (broker running) until every one was ready
 *                      and the demo report's index and PDF were served
 * @param largeLoadPeakKb the peak while the large report was generated, rendered and changed
 * @param search        search on the large report: queries, page served to searchable, the index's memory
 * @param cluster       the demo report's edits and serving with Kafka as a three-node cluster
 * @param editToLiveSourceOnly the same edits once the demo edition is in its source language only
 * @param editToLiveLanguagesBack the same edits once the languages are given back (the order of the runs shows)
 * @param languagesRemoved the target languages removed for it
 */
public record Results(Machine machine, Settings settings, String loadBefore, String loadAfter, Map<String, String> versions,
        List<Microbenchmarks.Result> jmh, long demoReadyMs, EditToLive.Result editToLive, IndicatorChanges.Result demoIndicator,
        PdfRebuild.Result pdf, ServingRate.Result serving, HugoSite.Result hugoDemo, Map<String, Long> demoRestKb,
        Map<String, Long> demoLoadKb, LargeReport.Result large, IndicatorChanges.Result largeIndicator, HugoSite.Result hugoLarge,
        Map<String, Long> largeRestKb, Map<String, Long> largeLoadPeakKb, SearchBenchmark.Result search, OnCluster cluster,
        EditToLive.Result editToLiveSourceOnly, EditToLive.Result editToLiveLanguagesBack, List<String> languagesRemoved, long totalSeconds) {
}
