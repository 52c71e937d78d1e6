package org.eduweek.notification.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** One stubbed HTTP SMS provider (WireMock) per test JVM; by default it accepts every message with 202. */
public final class TestSms {

    private static WireMockServer server;

    private TestSms() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(16)
);
            server.start();
            acceptAll();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static void acceptAll() {
        server().stubFor(post(urlEqualTo("/sms/messages")).atPriority(10).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"sms-1\",\"status\":\"queued\"}")));
    }

    public static String url() {
        return "http://127.0.0.1:" + server().port() + "/sms/messages";
    }

    public static List<LoggedRequest> to(String phone) {
        return server().getAllServeEvents().stream().map(e -> (LoggedRequest) e.getRequest())
                .filter(r -> r.getBodyAsString().contains("\"to\":\"" + phone + "\"")).toList();
    }
}
