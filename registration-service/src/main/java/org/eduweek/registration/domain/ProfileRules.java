package org.eduweek.registration.domain;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import org.eduweek.registration.domain.RegistrationRuleException.Violation;

/** Validation of self-service profile fields; every problem is reported at once, each with its field. */
public final class ProfileRules {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> LANGUAGES = Set.of("en", "zh");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> ZONES = Set.copyOf(ZoneId.getAvailableZoneIds());

    private ProfileRules() {
    }

    /** A valid phone number in E.164 ({@code +8613800138000}), or null when it is not one. */
    public static String e164(String phone) {
        if (phone == null || !phone.startsWith("+")) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber parsed = PHONES.parse(phone, null);
            if (!PHONES.isValidNumber(parsed)) {
                return null;
            }
            return PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** en or zh from a token's locale claim ({@code zh-CN} counts as zh); en otherwise. */
    public static String language(String locale) {
        return locale != null && locale.toLowerCase(Locale.ROOT).startsWith("zh") ? "zh" : "en";
    }

    static void validate(ProfileChange c, String currentPhone) {
        List<Violation> errors = new ArrayList<>();
        if (c.name() != null && (c.name().isBlank() || c.name().length() > 200)) {
            errors.add(new Violation("name", "must hold 1 to 200 characters"));
        }
        if (c.email() != null && (c.email().length() > 254 || !EMAIL.matcher(c.email()).matches())) {
            errors.add(new Violation("email", "must be an email address"));
        }
        if (c.phone() != null && !c.phone().isEmpty() && e164(c.phone()) == null) {
            errors.add(new Violation("phone", "must be a valid phone number in E.164 form, e.g. +8613800138000"));
        }
        if (c.language() != null && !LANGUAGES.contains(c.language())) {
            errors.add(new Violation("language", "must be en or zh"));
        }
        if (c.audience() != null && !isAudience(c.audience())) {
            errors.add(new Violation("audience",
                    "must be one of STUDENT, NEW_STUDENT, TEACHER, MANAGEMENT_STAFF, EXTERNAL_SCHOLAR"));
        }
        if (c.country() != null && !COUNTRIES.contains(c.country())) {
            errors.add(new Violation("country", "must be an ISO 3166 alpha-2 code, e.g. CN"));
        }
        if (c.affiliation() != null && c.affiliation().length() > 300) {
            errors.add(new Violation("affiliation", "must hold at most 300 characters"));
        }
        if (c.level() != null && c.level().length() > 50) {
            errors.add(new Violation("level", "must hold at most 50 characters"));
        }
        if (c.timeZone() != null && !c.timeZone().isEmpty() && !isTimeZone(c.timeZone())) {
            errors.add(new Violation("timeZone", "must be an IANA time zone id, e.g. Asia/Shanghai"));
        }
        String phoneAfter = c.phone() != null ? c.phone() : currentPhone;
        if (Boolean.TRUE.equals(c.smsConsent()) && (phoneAfter == null || phoneAfter.isEmpty())) {
            errors.add(new Violation("smsConsent", "needs a phone number"));
        }
        if (!errors.isEmpty()) {
            throw new RegistrationRuleException(RegistrationRuleException.Kind.INVALID_PROFILE,
                    "The profile is not valid: " + errors.stream().map(f -> f.field() + " " + f.message()).toList(),
                    errors);
        }
    }

    /** A region-based IANA id the JDK knows (Asia/Shanghai, UTC); offsets like +08:00 are not zones a person picks. */
    private static boolean isTimeZone(String value) {
        return ZONES.contains(value);
    }

    private static boolean isAudience(String value) {
        for (Audience a : Audience.values()) {
            if (a.name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
