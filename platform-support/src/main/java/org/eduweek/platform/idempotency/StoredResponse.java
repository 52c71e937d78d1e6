package org.eduweek.platform.idempotency;

/** The first answer given under a key, replayed byte for byte to every retry. */
public record StoredResponse(int status, String contentType, String location, byte[] body) {
}
