package org.eduweek.registration.accounts;

/** The identity provider refused the account as given (e.g. an email address it does not accept): the caller's fix. */
public class RefusedAccountException extends RuntimeException {

    private final String field;

    public RefusedAccountException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
