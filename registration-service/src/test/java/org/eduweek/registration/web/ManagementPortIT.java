package org.eduweek.registration.web;

import org.eduweek.platform.testing.ManagementPorts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.eduweek.registration.support.IntegrationTest;

/** Metrics and health details on the management port only; the probes on the public port. */
class ManagementPortIT extends IntegrationTest {

    @LocalServerPort
    int publicPort;
    @LocalManagementPort
    int managementPort;

    @Test
    void operationalEndpointsAreOnTheManagementPortOnly() {
        ManagementPorts.assertOperationalEndpointsOnTheManagementPortOnly("registration-service", publicPort, managementPort);
    }
}
