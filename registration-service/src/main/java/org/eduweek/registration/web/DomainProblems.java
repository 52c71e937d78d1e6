package org.eduweek.registration.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import org.eduweek.platform.web.ApiException;
import org.eduweek.platform.web.ApiExceptionTranslator;
import org.eduweek.platform.web.FieldProblem;
import org.eduweek.registration.domain.NotFoundException;
import org.eduweek.registration.domain.RegistrationRuleException;

/** The HTTP answer to each domain refusal: the domain says which rule, this says which status and problem type. */
@Component
class DomainProblems implements ApiExceptionTranslator {

    @Override
    public ApiException translate(RuntimeException e) {
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
