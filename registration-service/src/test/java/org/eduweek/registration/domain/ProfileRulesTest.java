package org.eduweek.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProfileRulesTest {

    @Test
    void acceptsValidE164NumbersAndRejectsOthers() {
        assertThat(ProfileRules.e164("+8613800138000")).isEqualTo("+8613800138000");
        assertThat(ProfileRules.e164("+49 30 901820")).isEqualTo("+4930901820");
        assertThat(ProfileRules.e164("13800138000")).isNull();
        assertThat(ProfileRules.e164("+86123")).isNull();
        assertThat(ProfileRules.e164("+abc")).isNull();
    }

    @Test
    void mapsLocalesToEnOrZh() {
        assertThat(ProfileRules.language("zh-CN")).isEqualTo("zh");
        assertThat(ProfileRules.language("de")).isEqualTo("en");
        assertThat(ProfileRules.language(null)).isEqualTo("en");
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        ProfileChange bad = new ProfileChange("", "not-an-email", "12345", "fr", true, "ALIEN", null, "XX", null,
                "Mars/Olympus_Mons");
        assertThatThrownBy(() -> ProfileRules.validate(bad, null)).isInstanceOfSatisfying(
                RegistrationRuleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RegistrationRuleException.Kind.INVALID_PROFILE);
                    assertThat(e.violations()).extracting(f -> f.field())
                            .containsExactlyInAnyOrder("name", "email", "phone", "language", "audience", "country",
                                    "timeZone");
                });
    }

    @Test
    void timeZoneIsAnIanaIdOrEmpty() {
        ProfileRules.validate(change("Asia/Shanghai"), null);
        ProfileRules.validate(change("America/Sao_Paulo"), null);
        ProfileRules.validate(change(""), null);
        for (String bad : new String[] {"+08:00", "GMT+8", "asia/shanghai", "Beijing", " "}) {
            assertThatThrownBy(() -> ProfileRules.validate(change(bad), null)).as(bad)
                    .isInstanceOfSatisfying(RegistrationRuleException.class, e -> assertThat(e.violations())
                            .extracting(f -> f.field()).containsExactly("timeZone"));
        }
    }

    private static ProfileChange change(String timeZone) {
        return new ProfileChange(null, null, null, null, null, null, null, null, null, timeZone);
    }

    @Test
    void smsConsentNeedsAPhone() {
        assertThatThrownBy(() -> ProfileRules.validate(
                new ProfileChange(null, null, null, null, true, null, null, null, null, null), null))
                .isInstanceOfSatisfying(RegistrationRuleException.class,
                        e -> assertThat(e.violations()).extracting(f -> f.field()).containsExactly("smsConsent"));
        ProfileRules.validate(new ProfileChange(null, null, null, null, true, null, null, null, null, null),
                "+8613800138000");
    }
}
