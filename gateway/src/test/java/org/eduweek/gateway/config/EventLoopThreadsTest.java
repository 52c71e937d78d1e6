package org.eduweek.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class EventLoopThreadsTest {

    @Test
    void oneLoopPerCoreByDefault() {
        assertThat(EventLoopThreads.count(Map.of(), 2)).isEqualTo(2);
        assertThat(EventLoopThreads.count(Map.of(), 16)).isEqualTo(16);
        assertThat(EventLoopThreads.count(Map.of(), 0)).isEqualTo(1);
    }

    @Test
    void theEnvironmentChoosesAnother() {
        assertThat(EventLoopThreads.count(Map.of(EventLoopThreads.ENV, "3"), 2)).isEqualTo(3);
        assertThat(EventLoopThreads.count(Map.of(EventLoopThreads.ENV, " 1 "), 8)).isEqualTo(1);
    }

    @Test
    void aValueThatIsNoPositiveNumberIsIgnored() {
        assertThat(EventLoopThreads.count(Map.of(EventLoopThreads.ENV, "four"), 2)).isEqualTo(2);
        assertThat(EventLoopThreads.count(Map.of(EventLoopThreads.ENV, "0"), 2)).isEqualTo(2);
        assertThat(EventLoopThreads.count(Map.of(EventLoopThreads.ENV, "-2"), 4)).isEqualTo(4);
        assertThat(EventLoopThreads.count(Map.of(EventLoopThreads.ENV, ""), 4)).isEqualTo(4);
    }

    @Test
    void anExplicitSystemPropertyWins() {
        String before = System.getProperty(EventLoopThreads.PROPERTY);
        try {
            System.setProperty(EventLoopThreads.PROPERTY, "5");
            assertThat(EventLoopThreads.apply()).isEqualTo(5);
            assertThat(System.getProperty(EventLoopThreads.PROPERTY)).isEqualTo("5");
        } finally {
            if (before == null) {
                System.clearProperty(EventLoopThreads.PROPERTY);
            } else {
                System.setProperty(EventLoopThreads.PROPERTY, before);
            }
        }
    }
}
