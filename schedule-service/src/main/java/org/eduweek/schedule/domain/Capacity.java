package org.eduweek.schedule.domain;

/** Seats per mode: OFFLINE uses only inPerson, ONLINE only online, HYBRID both (the unused one is 0). */
public record Capacity(int inPerson, int online) {

    public static Capacity of(Mode mode, int single) {
        return mode == Mode.ONLINE ? new Capacity(0, single) : new Capacity(single, 0);
    }
}
