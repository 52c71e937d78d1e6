package org.eduweek.schedule.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import org.eduweek.platform.web.ApiException;
import org.eduweek.platform.web.ApiExceptionTranslator;
import org.eduweek.platform.web.FieldProblem;
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
            List<FieldProblem> errors = errors(rule.problems());
            return switch (rule.kind()) {
                case INVALID_INPUT -> new ApiException(HttpStatus.BAD_REQUEST, "validation", rule.getMessage(), errors);
                case LAST_TEAM_MEMBER -> new ApiException(HttpStatus.FORBIDDEN, "forbidden", rule.getMessage(), errors);
                case ROOM_BOOKED, ROOM_BEING_BOOKED, PUBLISHED, CONCURRENT_CHANGE ->
                        ApiException.conflict(rule.getMessage(), errors);
            };
        }
        return null;
    }

    /** The domain's problems as entries of a problem body's (or a draft view's) {@code errors}. */
    static List<FieldProblem> errors(List<org.eduweek.schedule.domain.FieldProblem> problems) {
        return problems.stream().map(p -> new FieldProblem(p.field(), p.message())).toList();
    }
}
