package org.eduweek.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/** Registers the shared web plumbing in every servlet service. */
@AutoConfiguration(beforeName = { "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration",
        "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({ ProblemDetailsHandler.class, ProblemErrorController.class })
public class WebSupportConfiguration {

    /** Right inside {@link RequestIdFilter}, so every answer, errors included, goes through it. */
    public static final int WHOLE_RESPONSE_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    /** Length and control-character rules for every string read from JSON ({@link TextGuard}). */
    @Bean
    tools.jackson.databind.JacksonModule textGuardModule() {
        return TextGuard.module();
    }

    /**
     * English or Chinese from {@code Accept-Language} (English when absent or anything else): the language of problem
     * bodies ({@link ProblemMessages}) and of {@code LocaleContextHolder} in controllers.
     */
    @Bean(name = "localeResolver")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean(name = "localeResolver")
    org.springframework.web.servlet.LocaleResolver localeResolver() {
        return ProblemMessages.localeResolver();
    }

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    /** Whole answers with their length (see {@link WholeResponseFilter}). */
    @Bean
    FilterRegistrationBean<WholeResponseFilter> wholeResponseFilter() {
        FilterRegistrationBean<WholeResponseFilter> registration =
                new FilterRegistrationBean<>(new WholeResponseFilter());
        registration.setOrder(WHOLE_RESPONSE_FILTER_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
