package org.eduweek.registration.domain;

/** Which kind of seat a registration holds; hybrid sessions count the two separately. */
public enum SeatMode {
    IN_PERSON, ONLINE
}
