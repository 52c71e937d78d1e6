package org.eduweek.platform.tokens;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** One clear line instead of a stack trace when no token issuer is configured outside the local profile. */
public class IssuerNotConfiguredFailureAnalyzer
        extends AbstractFailureAnalyzer<TrustedIssuers.IssuerNotConfiguredException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, TrustedIssuers.IssuerNotConfiguredException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set " + TrustedIssuers.IssuerNotConfiguredException.VARIABLE + " and start again.", cause);
    }
}
