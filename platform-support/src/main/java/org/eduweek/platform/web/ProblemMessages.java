package org.eduweek.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The human text of problem bodies in the caller's language. Code everywhere writes its messages in English; the
 * English bundles ({@code messages.properties}: this package's shared one and a service's own at the classpath
 * root) hold each message as a template ({@code {0}}, {@code {1}} … stand for the variable parts), and the Chinese
 * bundles ({@code messages_zh.properties}, UTF-8) hold the same keys in Chinese. A message is matched against the
 * English templates, and the Chinese template of the matching key is filled with the same parts (a part that is
 * itself a whole message, such as a noun, is translated too). A message without a template stays English.
 * <p>
 * Only the human members change: {@code title}, {@code detail} and each {@code errors[].message}; {@code type},
 * {@code status}, {@code instance} and field names stay as they are. The language comes from
 * {@code Accept-Language}: {@code zh} in any form ({@code zh-CN}, {@code zh-Hans}) means Chinese, anything else
 * English; a request without that header takes the {@code locale} claim of its token, if it has one.
 */
public final class ProblemMessages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.CHINESE;

    /** Shared texts of platform-support; a service's own {@code messages} bundle is read first. */
    static final String SHARED_BASENAME = "org/eduweek/platform/web/messages";
    static final String SERVICE_BASENAME = "messages";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static volatile ProblemMessages shared;

    private final MessageSource messages;
    private final Map<String, String> exact = new HashMap<>();
    private final List<Template> templates = new ArrayList<>();

    private record Template(String key, Pattern pattern, List<Integer> order, int literalLength) {
    }

    ProblemMessages(ClassLoader classLoader) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBeanClassLoader(classLoader);
        source.setBasenames(SERVICE_BASENAME, SHARED_BASENAME);
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(false);
        this.messages = source;
        Map<String, String> english = new LinkedHashMap<>();
        load(classLoader, SHARED_BASENAME + ".properties", english);
        load(classLoader, SERVICE_BASENAME + ".properties", english);
        english.forEach(this::index);
        templates.sort(Comparator.comparingInt(Template::literalLength).reversed());
    }

    /** The one instance for this class path (the bundles do not change while the process runs). */
    public static ProblemMessages shared() {
        ProblemMessages instance = shared;
        if (instance == null) {
            synchronized (ProblemMessages.class) {
                if (shared == null) {
                    shared = new ProblemMessages(ProblemMessages.class.getClassLoader());
                }
                instance = shared;
            }
        }
        return instance;
    }

    /** The resolver every service uses: {@code Accept-Language}, English or Chinese, English when absent. */
    public static AcceptHeaderLocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(ENGLISH, CHINESE));
        resolver.setDefaultLocale(ENGLISH);
        return resolver;
    }

    private static final AcceptHeaderLocaleResolver RESOLVER = localeResolver();

    /**
     * English or Chinese for this request: from {@code Accept-Language}, or without that header from the signed-in
     * caller's {@code locale} claim.
     */
    public static Locale locale(HttpServletRequest request) {
        if (request == null) {
            return ENGLISH;
        }
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return claimedLocale();
        }
        try {
            Locale locale = RESOLVER.resolveLocale(request);
            return CHINESE.getLanguage().equals(locale.getLanguage()) ? CHINESE : ENGLISH;
        }
        catch (RuntimeException malformedHeader) {
            return ENGLISH;
        }
    }

    private static Locale claimedLocale() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken jwt
                && jwt.getToken().getClaims().get("locale") instanceof String locale
                && locale.toLowerCase(Locale.ROOT).startsWith(CHINESE.getLanguage())) {
            return CHINESE;
        }
        return ENGLISH;
    }

    /**
     * Puts the human members of {@code problem} in the language of {@code request}.
     * @return the language used, for {@code Content-Language}
     */
    public Locale localize(ProblemDetail problem, HttpServletRequest request) {
        Locale locale = locale(request);
        if (locale == ENGLISH) {
            return locale;
        }
        String englishDetail = problem.getDetail();
        if (problem.getTitle() != null) {
            problem.setTitle(translate(problem.getTitle(), locale));
        }
        List<FieldProblem> englishErrors = null;
        if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> list
                && !list.isEmpty() && list.stream().allMatch(FieldProblem.class::isInstance)) {
            englishErrors = list.stream().map(FieldProblem.class::cast).toList();
            problem.setProperty("errors", englishErrors.stream()
                    .map(f -> new FieldProblem(f.field(), translate(f.message(), locale))).toList());
        }
        if (englishDetail != null) {
            problem.setDetail(detail(englishDetail, englishErrors, locale));
        }
        return locale;
    }

    /** Sets {@code Content-Language} and {@code Vary: Accept-Language} on an answer in {@code locale}. */
    public static void headers(HttpHeaders headers, Locale locale) {
        headers.set(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage());
        headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
    }

    /** A detail that lists the field problems ("field: message; …") is rebuilt from the translated messages. */
    private String detail(String english, List<FieldProblem> errors, Locale locale) {
        if (errors != null) {
            String listed = errors.stream().map(f -> f.field() + ": " + f.message())
                    .collect(Collectors.joining("; "));
            if (english.equals(listed)) {
                return errors.stream().map(f -> f.field() + "：" + translate(f.message(), locale))
                        .collect(Collectors.joining("；"));
            }
        }
        return translate(english, locale);
    }

    /**
     * The templates of an English bundle on the class path (e.g. a service's {@code /messages.properties}) that have
     * no Chinese text yet, or whose English does not come back unchanged: what a service's bundle check lists.
     */
    public List<String> untranslated(String englishBundle) {
        Properties english = new Properties();
        try (InputStream in = ProblemMessages.class.getResourceAsStream(englishBundle)) {
            if (in == null) {
                throw new IllegalArgumentException("No bundle " + englishBundle + " on the class path");
            }
            english.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + englishBundle, e);
        }
        List<String> missing = new ArrayList<>();
        english.forEach((key, value) -> {
            String sample = ((String) value).replaceAll("\\{(\\d+)}", "v$1");
            boolean chinese = translate(sample, CHINESE).codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            if (!chinese || !sample.equals(translate(sample, Locale.ENGLISH))) {
                missing.add(key + " = " + value);
            }
        });
        return missing;
    }

    /** {@code english} in {@code locale}, or {@code english} itself when no template matches it. */
    public String translate(String english, Locale locale) {
        if (english == null || locale == null || !CHINESE.getLanguage().equals(locale.getLanguage())) {
            return english;
        }
        return translate(english, locale, 0);
    }

    private String translate(String english, Locale locale, int depth) {
        String key = exact.get(english);
        if (key != null) {
            return lookup(key, english, locale);
        }
        if (depth > 1) {
            return english;
        }
        for (Template template : templates) {
            Matcher m = template.pattern().matcher(english);
            if (m.matches()) {
                String target = lookup(template.key(), null, locale);
                if (target == null) {
                    return english;
                }
                Map<Integer, String> parts = new HashMap<>();
                for (int g = 0; g < template.order().size(); g++) {
                    parts.put(template.order().get(g), translate(m.group(g + 1), locale, depth + 1));
                }
                Matcher p = PLACEHOLDER.matcher(target);
                StringBuilder out = new StringBuilder();
                while (p.find()) {
                    String part = parts.getOrDefault(Integer.parseInt(p.group(1)), p.group());
                    p.appendReplacement(out, Matcher.quoteReplacement(part));
                }
                p.appendTail(out);
                return out.toString();
            }
        }
        return english;
    }

    private String lookup(String key, String fallback, Locale locale) {
        try {
            return messages.getMessage(key, null, locale);
        }
        catch (NoSuchMessageException e) {
            return fallback;
        }
    }

    private void index(String key, String english) {
        Matcher p = PLACEHOLDER.matcher(english);
        List<Integer> order = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        int literal = 0;
        int last = 0;
        while (p.find()) {
            String text = english.substring(last, p.start());
            regex.append(Pattern.quote(text)).append("(.+?)");
            literal += text.length();
            order.add(Integer.parseInt(p.group(1)));
            last = p.end();
        }
        if (order.isEmpty()) {
            exact.put(english, key);
            return;
        }
        String tail = english.substring(last);
        regex.append(Pattern.quote(tail));
        literal += tail.length();
        templates.add(new Template(key, Pattern.compile(regex.toString(), Pattern.DOTALL), order, literal));
    }

    private static void load(ClassLoader classLoader, String name, Map<String, String> into) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(classLoader)
                    .getResources("classpath*:" + name);
            for (Resource resource : resources) {
                Properties properties = new Properties();
                try (InputStream in = resource.getInputStream();
                        var reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                properties.forEach((k, v) -> into.put((String) k, (String) v));
            }
        }
        catch (IOException e) {
            throw new IllegalStateException("Cannot read the message bundle " + name, e);
        }
    }
}
