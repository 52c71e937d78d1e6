package org.eduweek.notification;

import org.eduweek.notification.support.NotificationITBase;
import org.eduweek.platform.testing.ManagementPorts;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Metrics and health details on the management port only; the probes on the public port. */
class ManagementPortIT extends NotificationITBase {

    @LocalServerPort
    int publicPort;
    @LocalManagementPort
    int managementPort;

    @Test
    void operationalEndpointsAreOnTheManagementPortOnly() {
        ManagementPorts.assertOperationalEndpointsOnTheManagementPortOnly("notification-service", publicPort, managementPort);
    }
}
