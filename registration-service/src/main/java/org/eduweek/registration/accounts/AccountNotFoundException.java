package org.eduweek.registration.accounts;

import org.eduweek.registration.domain.NotFoundException;

/** No account with this subject at the identity provider. */
public class AccountNotFoundException extends NotFoundException {

    public AccountNotFoundException(String subject) {
        super("Account", subject);
    }
}
