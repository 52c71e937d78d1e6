package org.eduweek.schedule.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.eduweek.schedule.domain.Bilingual;
import org.junit.jupiter.api.Test;

class LangTest {

    @Test
    void theParameterWinsOverTheHeader() {
        assertThat(Lang.of("zh", "en-US")).isEqualTo("zh");
        assertThat(Lang.of("en", "zh-CN")).isEqualTo("en");
    }

    @Test
    void theHeaderIsReadByQuality() {
        assertThat(Lang.of(null, "fr;q=1, zh-CN;q=0.8, en;q=0.5")).isEqualTo("zh");
        assertThat(Lang.of(null, "zh;q=0.2, en-GB;q=0.9")).isEqualTo("en");
        assertThat(Lang.of(null, "de")).isEqualTo("en");
        assertThat(Lang.of(null, "%%garbage")).isEqualTo("en");
        assertThat(Lang.of(null, null)).isEqualTo("en");
    }

    @Test
    void aMissingTranslationFallsBackToTheOtherLanguage() {
        assertThat(new Bilingual("Fair", null).in("zh")).isEqualTo("Fair");
        assertThat(new Bilingual(null, "国际教育展").in("en")).isEqualTo("国际教育展");
        assertThat(new Bilingual("Fair", "国际教育展").in("zh")).isEqualTo("国际教育展");
        assertThat(new Bilingual(" ", "").blank()).isTrue();
    }
}
