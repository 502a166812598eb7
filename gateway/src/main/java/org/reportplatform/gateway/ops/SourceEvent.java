package org.reportplatform.gateway.ops;

import java.time.Instant;

/**
 * One change event of a source topic (a chapter, an indicator or a dataset changed), and whether
 * this gateway has seen it go live.
 *
 * @param eventId     the event's id (rendered outputs name it among their causes)
 * @param kind        {@code chapter}, {@code indicator} or {@code dataset}
 * @param key         the record key, {@code {edition}/{id}}
 * @param revision    the source's revision after the change
 * @param deleted     the change deleted the source
 * @param actor       who made it: the account id (older events: a team, or admin)
 * @param actorName   the person's name when they made it (older events: the actor)
 * @param occurredAt  when its writer accepted it
 * @param traceparent its W3C trace context, or null
 * @param topic       where it is, with partition and offset
 * @param publishedAt when the render service published the first output caused by it that this
 *                    gateway served, or null (not yet, no output changed, or before this gateway's ring)
 * @param latencyMs   {@code publishedAt - occurredAt}, or null
 * @param path        that output's path, or null
 */
public record SourceEvent(String eventId, String kind, String key, long revision, boolean deleted, String actor, String actorName,
        Instant occurredAt, String traceparent, String topic, int partition, long offset, Instant publishedAt,
        Long latencyMs, String path) {
}
