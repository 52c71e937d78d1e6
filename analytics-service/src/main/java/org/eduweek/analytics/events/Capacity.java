package org.eduweek.analytics.events;

/** Seats per mode, as the schedule announced them (OFFLINE uses only inPerson, ONLINE only online). */
public record Capacity(int inPerson, int online) {
}
