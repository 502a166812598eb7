package org.reportplatform.systemtests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.Topics;

/**
 * Compares what authors were told with what the log holds: every acknowledged attempt exactly
 * once, no refused (503) attempt at all, an unanswered one at most once, and each resource's
 * revisions 1, 2, 3... without a gap or a repeat.
 */
record WriteAudit(int attempts, int acknowledged, int acknowledgedFound, int refused, int refusedFound, int unanswered,
        int unansweredFound, int events, Map<String, Integer> eventsByKey, List<String> problems) {

    static WriteAudit of(List<Author> authors, TopicLog topics) {
        Map<String, List<SpecificRecord>> byKey = new HashMap<>();
        for (String topic : List.of(Topics.CHAPTERS.name(), Topics.INDICATORS.name())) {
            for (TopicLog.Entry entry : topics.records(topic)) {
                if (entry.event() != null) {
                    byKey.computeIfAbsent(topic + "|" + entry.key(), k -> new ArrayList<>()).add(entry.event());
                }
            }
        }
        int attempts = 0, acknowledged = 0, acknowledgedFound = 0, refused = 0, refusedFound = 0, unanswered = 0,
                unansweredFound = 0, events = 0;
        List<String> problems = new ArrayList<>();
        Map<String, Integer> eventsByKey = new HashMap<>();
        for (Author author : authors) {
            String topic = author.kind() == Author.Kind.CHAPTER ? Topics.CHAPTERS.name() : Topics.INDICATORS.name();
            List<SpecificRecord> log = byKey.getOrDefault(topic + "|" + author.key(), List.of());
            events += log.size();
            eventsByKey.put(author.key(), log.size());
            Map<Long, Integer> copies = new HashMap<>();
            long expectedRevision = 1;
            for (SpecificRecord event : log) {
                long revision = event instanceof ChapterChanged c ? c.getRevision() : ((IndicatorChanged) event).getRevision();
                if (revision != expectedRevision) {
                    problems.add(author.key() + ": revision " + revision + " where " + expectedRevision + " was due");
                }
                expectedRevision = revision + 1;
                copies.merge(Author.numberOf(event), 1, Integer::sum);
            }
            for (Author.Attempt attempt : author.attempts()) {
                attempts++;
                int found = copies.getOrDefault(attempt.number(), 0);
                if (attempt.acknowledged()) {
                    acknowledged++;
                    acknowledgedFound += found == 1 ? 1 : 0;
                    if (found != 1) {
                        problems.add(author.key() + ": acknowledged attempt " + attempt.number() + " is in the log " + found + " time(s)");
                    }
                } else if (attempt.refused()) {
                    refused++;
                    refusedFound += found;
                    if (found != 0) {
                        problems.add(author.key() + ": attempt " + attempt.number() + " was answered 503 but is in the log");
                    }
                } else {
                    unanswered++;
                    unansweredFound += found;
                    if (found > 1) {
                        problems.add(author.key() + ": attempt " + attempt.number() + " is in the log " + found + " times");
                    }
                }
            }
        }
        return new WriteAudit(attempts, acknowledged, acknowledgedFound, refused, refusedFound, unanswered, unansweredFound,
                events, Map.copyOf(eventsByKey), List.copyOf(problems));
    }

    String figures() {
        return String.format("%d attempts: %d acknowledged (%d found once in the log), %d refused with 503 (%d in the log), "
                        + "%d other answers (412; no answer or a 503 saying the outcome is unknown; %d in the log); %d events on the authors' keys",
                attempts, acknowledged, acknowledgedFound, refused, refusedFound, unanswered, unansweredFound, events);
    }
}
