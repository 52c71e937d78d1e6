package org.eduweek.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.eduweek.platform.web.ProblemMessages;

/** Every problem message this service writes in English has its Chinese text, and English stays English. */
class ProblemMessagesBundleTest {

    @Test
    void everyEnglishTemplateHasAChineseText() {
        assertThat(ProblemMessages.shared().untranslated("/messages.properties")).isEmpty();
    }
}
