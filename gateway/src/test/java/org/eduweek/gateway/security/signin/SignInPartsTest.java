package org.eduweek.gateway.security.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

class SignInPartsTest {

    @Test
    void returnsOnlyToPathsOfThisSite() {
        assertThat(SignInRequestResolver.safeReturnPath("/sessions/ses-1?tab=seats")).isEqualTo(
                "/sessions/ses-1?tab=seats");
        assertThat(SignInRequestResolver.safeReturnPath("//evil.example/x")).isNull();
        assertThat(SignInRequestResolver.safeReturnPath("/\\evil.example")).isNull();
        assertThat(SignInRequestResolver.safeReturnPath("https://evil.example")).isNull();
        assertThat(SignInRequestResolver.safeReturnPath("/a\r\nSet-Cookie: x")).isNull();
        assertThat(SignInRequestResolver.safeReturnPath(null)).isNull();
    }

    @Test
    void reportsTheContractsLocales() {
        assertThat(AuthEndpoints.locale("zh-CN")).isEqualTo("zh");
        assertThat(AuthEndpoints.locale("zh_Hans")).isEqualTo("zh");
        assertThat(AuthEndpoints.locale("en")).isEqualTo("en");
        assertThat(AuthEndpoints.locale("")).isNull();
        assertThat(AuthEndpoints.locale(null)).isNull();
    }

    @Test
    void limitsSignInStartsPerClient() {
        SignInLimit limit = new SignInLimit(3);
        for (int i = 0; i < 3; i++) {
            assertThat(status(limit, "/oauth2/authorization/keycloak", "10.0.0.1")).isEqualTo(HttpStatus.OK);
        }
        assertThat(status(limit, "/oauth2/authorization/keycloak", "10.0.0.1"))
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        // another client, and everything else, pass
        assertThat(status(limit, "/oauth2/authorization/keycloak", "10.0.0.2")).isEqualTo(HttpStatus.OK);
        assertThat(status(limit, "/api/schedule/sessions", "10.0.0.1")).isEqualTo(HttpStatus.OK);
    }

    private static HttpStatus status(SignInLimit limit, String path, String ip) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path)
                .remoteAddress(new InetSocketAddress(ip, 50000)));
        limit.filter(exchange, (ServerWebExchange passed) -> {
            passed.getResponse().setStatusCode(HttpStatus.OK);
            return Mono.empty();
        }).block();
        return HttpStatus.resolve(exchange.getResponse().getStatusCode().value());
    }
}
