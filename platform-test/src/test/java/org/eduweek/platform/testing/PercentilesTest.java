package org.eduweek.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankIsAlwaysAMeasuredValue() {
        Percentiles p = Percentiles.of(List.of(50L, 10L, 40L, 30L, 20L, 60L, 70L, 80L, 90L, 100L));
        assertThat(p.at(0.50)).isEqualTo(50);
        assertThat(p.at(0.90)).isEqualTo(90);
        assertThat(p.at(0.99)).isEqualTo(100);
        assertThat(p.at(0.0)).isEqualTo(10);
        assertThat(p.max()).isEqualTo(100);
        assertThat(p.count()).isEqualTo(10);
    }

    @Test
    void theCallersArrayIsLeftAsItWas() {
        long[] values = { 3, 1, 2 };
        assertThat(Percentiles.of(values).at(0.5)).isEqualTo(2);
        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void noMeasurementsGiveMinusOne() {
        assertThat(Percentiles.of().at(0.99)).isEqualTo(-1);
        assertThat(Percentiles.of().max()).isEqualTo(-1);
    }
}
