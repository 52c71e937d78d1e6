package org.eduweek.notification.delivery;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** E.164 only: the profile's number must carry its country code; anything libphonenumber deems invalid is refused. */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    public static Optional<String> e164(String raw) {
        if (raw == null || !raw.strip().startsWith("+")) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(raw.strip(), null);
            if (!UTIL.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
