package org.eduweek.schedule.config;

import org.eduweek.platform.web.ProblemDetailsHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * platform-support's handler, registered from user configuration and ordered first. Without it, Boot's own
 * problem-details handler (enabled by eduweek-platform.yml, order 0) answered unreadable bodies first, without the
 * {@code type} and {@code errors} the contract requires; being a ResponseEntityExceptionHandler bean declared here,
 * this also keeps Boot's one from being created at all.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ScheduleProblemHandler extends ProblemDetailsHandler {
}
