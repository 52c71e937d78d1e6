package org.eduweek.registration.store;

import java.time.Instant;

import org.bson.Document;

import org.eduweek.registration.domain.SeatMode;

/** A read of one seat counter document (see {@link SeatLedger}). */
public record SeatCounter(String id, String sessionId, SeatMode seatMode, int capacity, int free, long waitSeq,
        long waiting,
        long version, long verifiedVersion, long capacitySequence, Instant updatedAt) {

    static SeatCounter of(Document d) {
        return new SeatCounter(d.getString("_id"), d.getString("sessionId"), SeatMode.valueOf(d.getString("seatMode")),
                num(d, "capacity").intValue(), num(d, "free").intValue(), num(d, "waitSeq").longValue(),
                num(d, "waiting").longValue(),
                num(d, "version").longValue(), num(d, "verifiedVersion").longValue(),
                num(d, "capacitySequence").longValue(),
                d.getDate("updatedAt") == null ? Instant.EPOCH : d.getDate("updatedAt").toInstant());
    }

    private static Number num(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n;
    }
}
