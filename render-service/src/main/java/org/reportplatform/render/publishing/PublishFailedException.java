package org.reportplatform.render.publishing;

/** Kafka did not acknowledge some outputs; they are dirty again and will be retried. */
public final class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
