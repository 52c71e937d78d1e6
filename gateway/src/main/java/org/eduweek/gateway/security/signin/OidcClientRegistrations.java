package org.eduweek.gateway.security.signin;

import java.time.Duration;
import java.util.Map;

import org.eduweek.gateway.config.OidcProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * The portal's one client registration ({@value OidcProperties#REGISTRATION_ID}), built from the provider's discovery
 * document ({@code <issuer>/.well-known/openid-configuration}) when it is first needed, not at startup: the gateway
 * starts and serves everything else while the provider is still starting or briefly down. A read document is kept; a
 * failed read is tried again by the next sign-in (at most one attempt every {@link #RETRY_AFTER}), which meanwhile
 * answers 503.
 */
final class OidcClientRegistrations implements ReactiveClientRegistrationRepository {

    static final Duration RETRY_AFTER = Duration.ofSeconds(2);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(OidcClientRegistrations.class);
    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {
            };

    private final Mono<ClientRegistration> registration;

    OidcClientRegistrations(OidcProperties props, WebClient web) {
        String discovery = UriComponentsBuilder.fromUriString(props.issuerUri())
                .path("/.well-known/openid-configuration").build().toUriString();
        this.registration = web.get().uri(discovery).retrieve().bodyToMono(JSON_OBJECT)
                .timeout(TIMEOUT)
                .map(metadata -> registration(props, metadata))
                .doOnNext(r -> LOG.info("OpenID provider {} ready for sign-in", props.issuerUri()))
                .onErrorMap(e -> {
                    LOG.warn("OpenID provider {} not available: {}", props.issuerUri(), e.toString());
                    return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                            "Sign-in is unavailable: the identity provider cannot be reached. Try again shortly.", e);
                })
                .cache(r -> Duration.ofMillis(Long.MAX_VALUE), e -> RETRY_AFTER, () -> Duration.ZERO);
    }

    static ClientRegistration registration(OidcProperties props, Map<String, Object> metadata) {
        if (!props.issuerUri().equals(metadata.get("issuer"))) {
            throw new IllegalStateException("The provider names issuer " + metadata.get("issuer") + ", not "
                    + props.issuerUri());
        }
        ClientRegistration.Builder builder = ClientRegistrations.fromOidcConfiguration(metadata)
                .registrationId(OidcProperties.REGISTRATION_ID)
                .clientId(props.clientId())
                .clientSecret(props.clientSecret())
                .scope(props.scopes())
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}");
        if (props.clientSecret().isEmpty()) {
            // a public client: PKCE alone binds the code to this gateway
            builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        }
        return builder.build();
    }

    /** Reads the provider's metadata now (at startup), so the first sign-in does not wait for it. */
    void warmUp() {
        registration.subscribe(r -> {
        }, e -> {
        });
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        return OidcProperties.REGISTRATION_ID.equals(registrationId) ? registration : Mono.empty();
    }
}
