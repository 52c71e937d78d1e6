package org.eduweek.registration.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import org.eduweek.platform.web.ApiException;
import org.eduweek.platform.web.ApiExceptionTranslator;
import org.eduweek.platform.web.FieldProblem;
import org.eduweek.registration.accounts.IdentityAdminUnavailableException;
import org.eduweek.registration.accounts.RefusedAccountException;
import org.eduweek.registration.domain.NotFoundException;
import org.eduweek.registration.domain.RegistrationRuleException;

/** The HTTP answer to each domain refusal: the domain says which rule, this says which status and problem type. */
@Component
class DomainProblems implements ApiExceptionTranslator {

    private static final Logger log = LoggerFactory.getLogger(DomainProblems.class);
    static final String IDENTITY_ADMIN_UNAVAILABLE = "Accounts cannot be looked up or changed right now: the identity "
            + "provider's admin API is not configured or does not answer; nothing was changed";

    @Override
    public ApiException translate(RuntimeException e) {
        if (e instanceof IdentityAdminUnavailableException) {
            log.warn("Identity provider's admin API unavailable: {}", e.getMessage());
            return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "identity-admin-unavailable", IDENTITY_ADMIN_UNAVAILABLE);
        }
        if (e instanceof RefusedAccountException refused) {
            return ApiException.badField(refused.field(), refused.getMessage());
        }
        if (e instanceof NotFoundException) {
            return new ApiException(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
        }
        if (e instanceof RegistrationRuleException rule) {
            var errors = rule.violations().stream().map(v -> new FieldProblem(v.field(), v.message())).toList();
            return switch (rule.kind()) {
                case SEAT_MODE_NOT_OFFERED, INVALID_PROFILE ->
                        new ApiException(HttpStatus.BAD_REQUEST, "validation", rule.getMessage(), errors);
                case INVALID_QR_TOKEN ->
                        new ApiException(HttpStatus.BAD_REQUEST, "invalid-qr-token", rule.getMessage(), errors);
                default -> ApiException.conflict(rule.getMessage(), errors);
            };
        }
        return null;
    }
}
