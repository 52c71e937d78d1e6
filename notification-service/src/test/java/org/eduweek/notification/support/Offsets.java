package org.eduweek.notification.support;

import org.eduweek.platform.testing.ConsumerProgress;

/** The consumer group's committed offsets, for tests of acknowledgement. */
public final class Offsets {

    private Offsets() {
    }

    /** Waits until the group has committed every partition of the topic up to its current end. */
    public static void awaitCommittedToTheEnd(String group, String topic) throws Exception {
        ConsumerProgress.awaitCommittedToTheEnd(group, topic);
    }
}
