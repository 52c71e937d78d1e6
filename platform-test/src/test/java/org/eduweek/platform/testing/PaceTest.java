package org.eduweek.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaceTest {

    @Test
    void iterationsAreNeverEarlierThanTheirDueTime() {
        Pace pace = Pace.perSecond(200);
        long start = System.nanoTime();
        for (int i = 0; i < 21; i++) {
            pace.awaitNext();
        }
        // the 21st call is due 20 intervals of 5 ms after the first
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(100_000_000L);
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> Pace.perSecond(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
