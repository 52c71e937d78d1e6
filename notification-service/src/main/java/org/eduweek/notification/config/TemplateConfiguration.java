package org.eduweek.notification.config;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * One Thymeleaf engine for messages: {@code *.html} templates in HTML mode (escaped), {@code *.txt} in TEXT mode
 * (plain-text email part and SMS). Wording lives in {@code i18n/notifications*.properties}, one file per language,
 * so a template serves every language.
 */
@Configuration(proxyBeanMethods = false)
public class TemplateConfiguration {

    @Bean
    public ResourceBundleMessageSource notificationMessages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/notifications");
        messages.setDefaultEncoding("UTF-8");
        // a language we have no file for falls back to the base file (English), never to the server's locale
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Bean
    public SpringTemplateEngine messageTemplateEngine(ResourceBundleMessageSource notificationMessages) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
        engine.setTemplateEngineMessageSource(notificationMessages);
        return engine;
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver();
        r.setPrefix("templates/");
        r.setTemplateMode(mode);
        r.setResolvablePatterns(Set.of(pattern));
        r.setCharacterEncoding("UTF-8");
        r.setCacheable(true);
        r.setOrder(order);
        return r;
    }
}
