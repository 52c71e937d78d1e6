package org.eduweek.notification.domain;

/** Tells the senders that messages are due now, so they need not wait for their next poll. */
public interface DeliverySignal {

    void wake();

    /**
     * A message created (or released) here and due now, as just written: the sender may claim it straight away,
     * without searching for it or reading it back.
     */
    void hint(Notification notification);
}
