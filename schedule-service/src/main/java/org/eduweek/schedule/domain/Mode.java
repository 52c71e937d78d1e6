package org.eduweek.schedule.domain;

public enum Mode {
    ONLINE, OFFLINE, HYBRID;

    public boolean inPerson() {
        return this != ONLINE;
    }

    public boolean online() {
        return this != OFFLINE;
    }
}
