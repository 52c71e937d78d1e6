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

    /**
     * Tomcat's error report for requests refused before the servlet ({@link ProblemErrorReportValve}): the host
     * installs its report valve as it starts, before its contexts, so the context swaps it as it starts.
     */
    @Bean
    org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory> problemErrorReport() {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (org.apache.catalina.Lifecycle.BEFORE_START_EVENT.equals(event.getType())
                    && context.getParent() != null) {
                org.apache.catalina.Pipeline pipeline = context.getParent().getPipeline();
                for (org.apache.catalina.Valve valve : pipeline.getValves()) {
                    if (valve instanceof org.apache.catalina.valves.ErrorReportValve
                            && !(valve instanceof ProblemErrorReportValve)) {
                        pipeline.removeValve(valve);
                        pipeline.addValve(new ProblemErrorReportValve());
                    }
                }
            }
        }));
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
