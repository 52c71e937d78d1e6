package org.eduweek.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void acceptsValidInternationalNumbersAndNormalisesThemToE164() {
        assertThat(PhoneNumbers.e164("+8613800138000")).contains("+8613800138000");
        assertThat(PhoneNumbers.e164("+49 30 901820")).contains("+4930901820");
        assertThat(PhoneNumbers.e164(" +1 (650) 253-0000 ")).contains("+16502530000");
    }

    @Test
    void refusesNumbersWithoutCountryCodeOrThatCannotExist() {
        assertThat(PhoneNumbers.e164("13800138000")).isEmpty();
        assertThat(PhoneNumbers.e164("+86123")).isEmpty();
        assertThat(PhoneNumbers.e164("+abc")).isEmpty();
        assertThat(PhoneNumbers.e164(null)).isEmpty();
    }
}
