package org.eduweek.schedule.domain;

/** Something the request names does not exist. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super(what + " '" + id + "' does not exist");
    }
}
