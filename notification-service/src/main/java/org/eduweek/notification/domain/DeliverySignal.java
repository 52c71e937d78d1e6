package org.eduweek.notification.domain;

/** Tells the senders that messages are due now, so they need not wait for their next poll. */
public interface DeliverySignal {

    void wake();

    /** A message created here and due now: the sender may take it straight away, without searching for it. */
    void hint(Channel channel, String notificationId);
}
