package org.reportplatform.systemtests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.IndicatorChanged;

/**
 * One author editing one chapter or one indicator again and again, as a real client would:
 * each attempt is based on the revision last seen (If-Match) and carries a number of its own
 * (in the chapter's text, or as the indicator's value), so every attempt can be found in the log.
 * After an answer that says nothing about the outcome (503, no answer) it reads the resource again
 * before the next attempt, as a careful client does; after a 412 it takes the current revision.
 *
 * <p>Every attempt and its answer are kept, for the checks: an acknowledged attempt must be in
 * the log exactly once; a refused one (503) never.
 */
final class Author implements Runnable {

    private static final Pattern CHAPTER_MARK = Pattern.compile("Version (\\d+) du chapitre");

    enum Kind { CHAPTER, INDICATOR }

    /**
     * One attempt: its number, its answer, when it was sent and answered (System.nanoTime),
     * whether the answer leaves its outcome open (no answer at all, or a 503 saying the change
     * "may or may not have been applied"), and whether it said when to try again (Retry-After).
     */
    record Attempt(long number, int status, long sentAt, long answeredAt, boolean outcomeUnknown, boolean saysWhenToRetry) {

        boolean acknowledged() {
            return status >= 200 && status < 300;
        }

        /** A 503 that says nothing was saved (the writer's own, or the gateway's when the writer was unreachable). */
        boolean refused() {
            return status == 503 && !outcomeUnknown;
        }

        long millis() {
            return (answeredAt - sentAt) / 1_000_000;
        }
    }

    private final ReportApi api;
    private final Kind kind;
    private final String edition;
    private final String id;
    private final String token;
    private final int acknowledgedTarget;
    private final BooleanSupplier stop;
    private final List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
    private final long firstNumber;
    private volatile Throwable failure;

    /**
     * @param firstNumber where this author's attempt numbers start (indicator values must stay
     *                    unique within one indicator, chapter numbers within one chapter)
     */
    Author(ReportApi api, Kind kind, String edition, String id, String token, int acknowledgedTarget, long firstNumber,
            BooleanSupplier stop) {
        this.api = api;
        this.kind = kind;
        this.edition = edition;
        this.id = id;
        this.token = token;
        this.acknowledgedTarget = acknowledgedTarget;
        this.firstNumber = firstNumber;
        this.stop = stop;
    }

    /**
     * Two authors of team enfants writing all the time, until {@code stop}: one edits chapter
     * {@code slug}, which shows indicator {@code figure}; the other edits that indicator.
     */
    static List<Author> chapterAndItsFigure(ReportApi api, String edition, String slug, String figure, BooleanSupplier stop) {
        return List.of(new Author(api, Kind.CHAPTER, edition, slug, "demo-enfants", Integer.MAX_VALUE, 0, stop).referencing(List.of(figure)),
                new Author(api, Kind.INDICATOR, edition, figure, "demo-enfants", Integer.MAX_VALUE, 0, stop));
    }

    /** The chapter text of attempt {@code number}; it references the indicators {@code figures}. */
    static String chapterBody(String slug, long number, List<String> figures) {
        StringBuilder body = new StringBuilder("Version " + number + " du chapitre " + slug + ".\n\n");
        figures.forEach(figure -> body.append(figure).append(" vaut {{fig:").append(figure).append("}} cas.\n\n"));
        return body.toString();
    }

    /** The attempt number an event of this author's resource carries. */
    static long numberOf(Object event) {
        if (event instanceof ChapterChanged chapter) {
            Matcher m = CHAPTER_MARK.matcher(chapter.getChapter().getBody());
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        }
        if (event instanceof IndicatorChanged indicator) {
            return Long.parseLong(indicator.getIndicator().getValue());
        }
        throw new IllegalArgumentException("not an author's event: " + event);
    }

    private List<String> figures = List.of();

    Author referencing(List<String> indicatorIds) {
        this.figures = List.copyOf(indicatorIds);
        return this;
    }

    @Override
    public void run() {
        try {
            long revision = currentRevision();
            long number = firstNumber;
            while (!stop.getAsBoolean() && acknowledged() < acknowledgedTarget) {
                number++;
                long sent = System.nanoTime();
                RawHttp.Answer answer = kind == Kind.CHAPTER
                        ? api.updateChapter(edition, id, token, revision, "Chapitre " + id, chapterBody(id, number, figures))
                        : api.updateIndicator(edition, id, token, revision, number);
                attempts.add(new Attempt(number, answer.status(), sent, System.nanoTime(),
                        answer.status() == 0 || (answer.status() == 503 && answer.body().contains("may or may not have been applied")),
                        !answer.header("retry-after").isEmpty()));
                if (answer.isSuccess()) {
                    revision = ReportApi.revision(answer);
                } else if (answer.status() == 412 || answer.status() == 503 || answer.status() == 0 || answer.status() >= 500) {
                    revision = currentRevision();
                } else {
                    throw new IllegalStateException(id + ": attempt " + number + " answered " + answer);
                }
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    /** Reads the resource until it answers (its service may be restarting), backing off a little between tries. */
    private long currentRevision() throws InterruptedException {
        while (true) {
            RawHttp.Answer current = kind == Kind.CHAPTER ? api.chapter(edition, id) : api.indicator(edition, id);
            if (current.status() == 200) {
                return ReportApi.revision(current);
            }
            if (stop.getAsBoolean() && current.status() != 503 && current.status() != 0) {
                throw new IllegalStateException(id + ": cannot read it: " + current);
            }
            Thread.sleep(100); // a client's back-off while the service is away, not a test's wait
        }
    }

    long acknowledged() {
        synchronized (attempts) {
            return attempts.stream().filter(Attempt::acknowledged).count();
        }
    }

    List<Attempt> attempts() {
        synchronized (attempts) {
            return List.copyOf(attempts);
        }
    }

    /** The last acknowledged attempt's number, or -1. */
    long lastAcknowledged() {
        List<Attempt> all = attempts();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).acknowledged()) {
                return all.get(i).number();
            }
        }
        return -1;
    }

    Kind kind() {
        return kind;
    }

    String id() {
        return id;
    }

    /** The key of this author's resource on its topic. */
    String key() {
        return edition + "/" + id;
    }

    void rethrow() {
        if (failure != null) {
            throw new AssertionError(id + "'s author failed", failure);
        }
    }
}
