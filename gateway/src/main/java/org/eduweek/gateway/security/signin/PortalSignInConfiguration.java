package org.eduweek.gateway.security.signin;

import java.time.Duration;

import org.eduweek.gateway.config.OidcProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cloud.gateway.filter.factory.TokenRelayGatewayFilterFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The portal's sign-in beans, only when {@code OIDC_ISSUER_URI} is set; without it none of them exist and the
 * gateway's chain is the stateless bearer-token chain it always was.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(PortalSignInConfiguration.OidcConfigured.class)
public class PortalSignInConfiguration {

    @Bean
    OidcClientRegistrations oidcClientRegistrations(OidcProperties props) {
        return new OidcClientRegistrations(props, WebClient.create());
    }

    /** The tokens live in the browser's WebSession, and go with it (sign-out, expiry). */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Gives the relay the session's access token, refreshed with its refresh token when it is about to expire. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients, OidcProperties props) {
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
                registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken(refresh -> refresh.clockSkew(props.refreshAhead()))
                .build());
        return manager;
    }

    @Bean
    SessionTokenRelay sessionTokenRelay(TokenRelayGatewayFilterFactory tokenRelay) {
        return new SessionTokenRelay(tokenRelay);
    }

    @Bean
    PortalSignIn portalSignIn(OidcProperties props, ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients, ReactiveOAuth2AuthorizedClientManager clients,
            ReactiveJwtDecoder jwtDecoder,
            @Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie,
            @Value("${server.reactive.session.timeout:30m}") Duration sessionTimeout) {
        return new PortalSignIn(props, registrations, authorizedClients, clients, jwtDecoder, sessionCookie,
                sessionTimeout);
    }

    /** The provider's metadata is read once the gateway is up, so the first sign-in does not wait for it. */
    @EventListener(ApplicationReadyEvent.class)
    void readProviderMetadata(ApplicationReadyEvent ready) {
        ready.getApplicationContext().getBean(OidcClientRegistrations.class).warmUp();
    }

    static final class OidcConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("eduweek.security.oidc.issuer-uri"));
        }
    }
}
