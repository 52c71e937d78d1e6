package org.eduweek.notification.delivery;

/** A provider refused or failed a message. Permanent ones (bad address, 4xx) are not retried. */
public class DeliveryException extends Exception {

    private final boolean permanent;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
