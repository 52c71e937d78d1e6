package org.eduweek.notification.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpClient;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.json.JsonMapper;

class SmsProvidersTest {

    private static WireMockServer wm;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void start() {
        wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    @BeforeEach
    void reset() {
        wm.resetAll();
    }

    private SmsProviderProperties props() {
        return new SmsProviderProperties("generic", wm.baseUrl() + "/sms/messages", wm.baseUrl(), "AC123",
                "secret", Duration.ofSeconds(5), null);
    }

    @Test
    void genericProviderPostsJsonWithAnIdempotencyKeyAndReturnsTheProvidersId() throws Exception {
        wm.stubFor(post(urlEqualTo("/sms/messages")).willReturn(aResponse().withStatus(202)
                .withBody("{\"id\":\"m-42\",\"status\":\"queued\"}")));
        String id = new GenericJsonSmsProvider(http, json, props()).send("+8613800138000", "EDUWEEK", "你好", "k-1");
        assertThat(id).isEqualTo("m-42");
        wm.verify(postRequestedFor(urlEqualTo("/sms/messages")).withHeader("Idempotency-Key", equalTo("k-1"))
                .withRequestBody(equalToJson("{\"to\":\"+8613800138000\",\"from\":\"EDUWEEK\",\"body\":\"你好\"}")));
    }

    @Test
    void genericProviderSendsItsTokenAsABearerWhenOneIsSet() throws Exception {
        wm.stubFor(post(urlEqualTo("/sms/messages")).willReturn(aResponse().withStatus(202).withBody("{\"id\":\"m-7\"}")));
        SmsProviderProperties withToken = new SmsProviderProperties("generic", wm.baseUrl() + "/sms/messages", null,
                null, null, Duration.ofSeconds(5), "provider-api-token");
        new GenericJsonSmsProvider(http, json, withToken).send("+8613800138000", "EDUWEEK", "hi", "k-3");
        new GenericJsonSmsProvider(http, json, props()).send("+8613800138000", "EDUWEEK", "hi", "k-4");
        wm.verify(postRequestedFor(urlEqualTo("/sms/messages")).withHeader("Idempotency-Key", equalTo("k-3"))
                .withHeader("Authorization", equalTo("Bearer provider-api-token")));
        wm.verify(postRequestedFor(urlEqualTo("/sms/messages")).withHeader("Idempotency-Key", equalTo("k-4"))
                .withoutHeader("Authorization"));
    }

    @Test
    void twilioProviderPostsAFormWithBasicAuthToTheAccountsMessagesResource() throws Exception {
        wm.stubFor(post(urlEqualTo("/2010-04-01/Accounts/AC123/Messages.json")).willReturn(aResponse()
                .withStatus(201).withBody("{\"sid\":\"SM1\",\"status\":\"queued\"}")));
        String id = new TwilioSmsProvider(http, json, props()).send("+8613800138000", "EDUWEEK", "Hi & bye", "k-2");
        assertThat(id).isEqualTo("SM1");
        wm.verify(postRequestedFor(urlEqualTo("/2010-04-01/Accounts/AC123/Messages.json"))
                .withHeader("Authorization", equalTo("Basic QUMxMjM6c2VjcmV0"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("To=%2B8613800138000&From=EDUWEEK&Body=Hi+%26+bye")));
    }

    @Test
    void clientErrorsArePermanentWhileServerErrorsAndRateLimitsAreWorthRetrying() {
        wm.stubFor(post(urlEqualTo("/sms/messages")).willReturn(aResponse().withStatus(400).withBody("bad number")));
        GenericJsonSmsProvider p = new GenericJsonSmsProvider(http, json, props());
        assertThat(catchThrowableOfType(DeliveryException.class, () -> p.send("+1", "E", "b", "k")).permanent())
                .isTrue();
        wm.stubFor(post(urlEqualTo("/sms/messages")).willReturn(aResponse().withStatus(429)));
        assertThat(catchThrowableOfType(DeliveryException.class, () -> p.send("+1", "E", "b", "k")).permanent())
                .isFalse();
        wm.stubFor(post(urlEqualTo("/sms/messages")).willReturn(aResponse().withStatus(503)));
        assertThat(catchThrowableOfType(DeliveryException.class, () -> p.send("+1", "E", "b", "k")).permanent())
                .isFalse();
    }

    @Test
    void anUnreachableProviderIsATransientFailure() {
        SmsProviderProperties gone = new SmsProviderProperties("generic", "http://127.0.0.1:1/sms", null, null, null,
                Duration.ofSeconds(2), null);
        DeliveryException e = catchThrowableOfType(DeliveryException.class,
                () -> new GenericJsonSmsProvider(http, json, gone).send("+1", "E", "b", "k"));
        assertThat(e.permanent()).isFalse();
    }
}
