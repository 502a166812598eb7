package org.reportplatform.systemtests.benchmarks;

/**
 * The demo report's edit-to-live and the gateway's request rate with Kafka as a three-node cluster
 * (replication 3, two in sync), measured as on the single broker, to set side by side.
 *
 * @param readyMs from starting the four services (cluster running) until the index and PDF were served
 */
public record OnCluster(long readyMs, EditToLive.Result editToLive, Wrk.Run gateway) {
}
