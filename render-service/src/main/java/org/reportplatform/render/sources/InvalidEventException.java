package org.reportplatform.render.sources;

/**
 * A source event that decodes but breaks the topic's contract (wrong key, a slug that is no URL
 * segment, a value that is not a number...). It is never applied; the listener's error handler
 * sends it to the topic's dead-letter topic.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
