package org.eduweek.analytics.domain;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Notifications sent and failed per channel for one session or edition. */
public final class DeliveryCounters {

    final Map<String, Long> sent = new TreeMap<>();
    final Map<String, Long> failed = new TreeMap<>();
    Instant lastEventAt;

    void add(NotificationOutcome n, int sign) {
        Map<String, Long> target = n.sent() ? sent : failed;
        target.merge(n.channel(), (long) sign, Long::sum);
        if (target.get(n.channel()) == 0L) {
            target.remove(n.channel());
        }
        if (sign > 0 && (lastEventAt == null || n.at().isAfter(lastEventAt))) {
            lastEventAt = n.at();
        }
    }

    void addTo(Map<String, Long> sentTotals, Map<String, Long> failedTotals) {
        sent.forEach((k, v) -> sentTotals.merge(k, v, Long::sum));
        failed.forEach((k, v) -> failedTotals.merge(k, v, Long::sum));
    }
}
