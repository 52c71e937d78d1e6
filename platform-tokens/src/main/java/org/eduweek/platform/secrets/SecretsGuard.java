package org.eduweek.platform.secrets;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Refuses to start a service outside the local profile while one of its secrets is missing,
 * a public development value, or too short to resist guessing: a QR token or a pseudonym built from a public
 * string can be forged or reversed by anyone. A service names its secrets in {@code eduweek.secrets}, as
 * environment variable to value ({@code EDUWEEK_QR_SECRET: ${eduweek.registration.qr-secret}}).
 */
public final class SecretsGuard {

    public static final int MIN_LENGTH = 32;
    static final Set<String> DEV_PROFILES = Set.of("local");
    static final Set<String> PUBLIC_DEV_VALUES = Set.of("dev-only-qr-secret-change-me",
            "eduweek-local-analytics-pseudonym-key");

    private SecretsGuard() {
    }

    /** @throws WeakSecretException naming the first variable to set */
    public static void check(Environment env) {
        check(env, Binder.get(env).bind("eduweek.secrets", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
    }

    /**
     * The same rule for secrets read from the environment by their caller, as variable to value.
     *
     * @throws WeakSecretException naming the first variable to set
     */
    public static void check(Environment env, Map<String, String> variablesToValues) {
        if (Arrays.stream(env.getActiveProfiles()).anyMatch(DEV_PROFILES::contains)) {
            return;
        }
        new TreeMap<>(variablesToValues).forEach((variable, value) -> {
            String problem = problem(value);
            if (problem != null) {
                throw new WeakSecretException(variable, problem);
            }
        });
    }

    static String problem(String value) {
        if (value == null || value.isBlank()) {
            return "is not set";
        }
        if (PUBLIC_DEV_VALUES.contains(value)) {
            return "holds the public development value";
        }
        if (value.length() < MIN_LENGTH) {
            return "is shorter than " + MIN_LENGTH + " characters";
        }
        return null;
    }

    /** Why the service did not start, with the variable to set. */
    public static final class WeakSecretException extends IllegalStateException {

        private final String variable;

        WeakSecretException(String variable, String problem) {
            super(variable + " " + problem + ": set it to a secret of at least " + MIN_LENGTH
                    + " characters (for example `openssl rand -base64 48`) in the environment or a Kubernetes Secret");
            this.variable = variable;
        }

        public String variable() {
            return variable;
        }
    }
}
