package org.reportplatform.platform.log;

/**
 * This instance is a standby: another instance of the service is the active writer of the topic
 * (or none is yet, during a take-over). Nothing was published, so the request may be sent again,
 * to this instance later or to another one now.
 */
public class NotTheActiveWriterException extends LogUnavailableException {

    public NotTheActiveWriterException(String topic) {
        super("this instance is a standby, not the active writer of " + topic, null);
    }
}
