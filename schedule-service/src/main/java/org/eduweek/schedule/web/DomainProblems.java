package org.eduweek.schedule.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import org.eduweek.platform.web.ApiException;
import org.eduweek.platform.web.ApiExceptionTranslator;
import org.eduweek.schedule.domain.NotFoundException;
import org.eduweek.schedule.domain.ScheduleRuleException;

/** The HTTP answer to each domain refusal: the domain says which rule, this says which status and problem type. */
@Component
class DomainProblems implements ApiExceptionTranslator {

    @Override
    public ApiException translate(RuntimeException e) {
        if (e instanceof NotFoundException) {
            return new ApiException(HttpStatus.NOT_FOUND, "not-found", e.getMessage());
        }
        if (e instanceof ScheduleRuleException rule) {
            return switch (rule.kind()) {
                case INVALID_INPUT -> new ApiException(HttpStatus.BAD_REQUEST, "validation", rule.getMessage(),
                        rule.problems());
                case LAST_TEAM_MEMBER -> new ApiException(HttpStatus.FORBIDDEN, "forbidden", rule.getMessage(),
                        rule.problems());
                case ROOM_BOOKED, ROOM_BEING_BOOKED, PUBLISHED, CONCURRENT_CHANGE ->
                        ApiException.conflict(rule.getMessage(), rule.problems());
            };
        }
        return null;
    }
}
