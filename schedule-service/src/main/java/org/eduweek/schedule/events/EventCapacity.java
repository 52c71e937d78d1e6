package org.eduweek.schedule.events;

/** Seats per mode; the unused mode is 0. */
public record EventCapacity(int inPerson, int online) {
}
