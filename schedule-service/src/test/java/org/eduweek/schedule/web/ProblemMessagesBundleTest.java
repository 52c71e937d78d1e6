package org.eduweek.schedule.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import org.eduweek.platform.web.ProblemMessages;

/** Every problem message this service writes in English has its Chinese text, and English stays English. */
class ProblemMessagesBundleTest {

    @Test
    void everyEnglishTemplateHasAChineseText() throws Exception {
        Properties english = new Properties();
        try (var in = new InputStreamReader(getClass().getResourceAsStream("/messages.properties"),
                StandardCharsets.UTF_8)) {
            english.load(in);
        }
        assertThat(english).isNotEmpty();
        ProblemMessages messages = ProblemMessages.shared();
        english.forEach((key, value) -> {
            String sample = ((String) value).replaceAll("\\{(\\d+)}", "v$1");
            String chinese = messages.translate(sample, Locale.CHINESE);
            assertThat(chinese).as("%s = %s", key, sample)
                    .matches(t -> t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
            assertThat(messages.translate(sample, Locale.ENGLISH)).isEqualTo(sample);
        });
    }
}
