package org.reportplatform.platform.log;

/**
 * Kafka did not acknowledge a change within the bounded time. The transaction that carried it
 * was aborted, so the change will never appear to read-committed consumers: the caller's 503
 * is true.
 */
public class LogUnavailableException extends RuntimeException {

    public LogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
