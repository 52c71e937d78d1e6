package org.eduweek.notification.domain;

/** Tells the senders that messages are due now, so they need not wait for their next poll. */
public interface DeliverySignal {

    void wake();

    /**
     * A message created (or released) here and due now, as just written: the sender may claim it straight away,
     * without searching for it or reading it back.
     */
    void hint(Notification notification);

    /**
     * A claimed message whose participant's contact is not known yet: keep it (claimed) in memory until
     * {@link #contactArrived} or a short wait runs out, then hand it to the senders again.
     *
     * @return false when it is not kept (its wait is over, holding is switched off, too many are held): park it
     */
    default boolean holdForContact(Notification claimed) {
        return false;
    }

    /** The contact of this participant is stored: messages held for it go to the senders now. */
    default void contactArrived(String participantId) {
    }
}
