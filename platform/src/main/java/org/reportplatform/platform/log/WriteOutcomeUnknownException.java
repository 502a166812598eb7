package org.reportplatform.platform.log;

/**
 * Kafka acknowledged every event of a change but did not confirm its commit in time (the node
 * coordinating the transaction was lost, or answered too late): the change may be on the log or
 * not, and the caller must be told so, not that it was refused. The writer settles the question
 * before it decides its next write ({@link RevisionLog}).
 */
public class WriteOutcomeUnknownException extends RuntimeException {

    public WriteOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
