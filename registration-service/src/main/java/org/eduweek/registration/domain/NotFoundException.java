package org.eduweek.registration.domain;

/** Something the request names does not exist, or is not the caller's to see (which must look the same). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super(what + " '" + id + "' does not exist");
    }
}
