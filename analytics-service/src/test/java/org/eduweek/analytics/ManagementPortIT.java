package org.eduweek.analytics;

import org.eduweek.analytics.support.IntegrationTestSupport;
import org.eduweek.platform.testing.ManagementPorts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Metrics and health details on the management port only; the probes on the public port. */
class ManagementPortIT extends IntegrationTestSupport {

    @LocalServerPort
    int publicPort;
    @LocalManagementPort
    int managementPort;

    @Test
    void operationalEndpointsAreOnTheManagementPortOnly() {
        ManagementPorts.assertOperationalEndpointsOnTheManagementPortOnly("analytics-service", publicPort, managementPort);
    }
}
