package org.eduweek.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmsTextTest {

    @Test
    void plainEnglishIsGsm7With160CharactersInOneSegmentAnd153PerPartAfter() {
        assertThat(SmsText.isGsm7("IEW reminder: Fair starts in 1 hour, Pingyuan.")).isTrue();
        assertThat(SmsText.segments("a".repeat(160))).isEqualTo(1);
        assertThat(SmsText.segments("a".repeat(161))).isEqualTo(2);
        assertThat(SmsText.segments("a".repeat(306))).isEqualTo(2);
        assertThat(SmsText.segments("a".repeat(307))).isEqualTo(3);
    }

    @Test
    void extensionCharactersCountTwiceInGsm7() {
        assertThat(SmsText.units("€[]")).isEqualTo(6);
        assertThat(SmsText.segments("€".repeat(80))).isEqualTo(1);
        assertThat(SmsText.segments("€".repeat(81))).isEqualTo(2);
    }

    @Test
    void chineseIsUcs2With70CharactersInOneSegmentAnd67PerPartAfter() {
        assertThat(SmsText.isGsm7("国际教育展")).isFalse();
        assertThat(SmsText.segments("国".repeat(70))).isEqualTo(1);
        assertThat(SmsText.segments("国".repeat(71))).isEqualTo(2);
        assertThat(SmsText.segments("国".repeat(134))).isEqualTo(2);
        assertThat(SmsText.segments("国".repeat(135))).isEqualTo(3);
    }

    @Test
    void oneNonGsmCharacterSwitchesTheWholeMessageToUcs2() {
        String text = "a".repeat(100) + "…";
        assertThat(SmsText.isGsm7(text)).isFalse();
        assertThat(SmsText.segments(text)).isEqualTo(2);
    }

    @Test
    void fittingShortensWithAGsmEllipsisSoTheEncodingStaysGsm7() {
        String fitted = SmsText.fit("word ".repeat(100), 2);
        assertThat(SmsText.segments(fitted)).isEqualTo(2);
        assertThat(fitted).endsWith("...");
        assertThat(SmsText.isGsm7(fitted)).isTrue();
        assertThat(SmsText.units(fitted)).isLessThanOrEqualTo(306);
    }

    @Test
    void fittingChineseKeepsItWithinTheSegmentLimitAndNeverSplitsASurrogatePair() {
        String fitted = SmsText.fit("国际教育展".repeat(40), 1);
        assertThat(fitted).hasSize(70).endsWith("…");
        String emoji = SmsText.fit("😀".repeat(50), 1);
        assertThat(SmsText.segments(emoji)).isEqualTo(1);
        assertThat(Character.isHighSurrogate(emoji.charAt(emoji.length() - 2))).isFalse();
    }

    @Test
    void aTextThatFitsIsLeftAlone() {
        assertThat(SmsText.fit("short", 1)).isEqualTo("short");
    }
}
