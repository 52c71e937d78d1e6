package org.eduweek.platform.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** One clear line instead of a stack trace when a secret is missing or weak. */
public class WeakSecretFailureAnalyzer extends AbstractFailureAnalyzer<SecretsGuard.WeakSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecretsGuard.WeakSecretException cause) {
        return new FailureAnalysis(cause.getMessage(), "Set " + cause.variable() + " and start again.", cause);
    }
}
