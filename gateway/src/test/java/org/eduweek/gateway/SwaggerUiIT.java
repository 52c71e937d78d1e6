package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The portal's footer link opens the combined Swagger UI in a browser without a token; "Try it out" takes one. */
class SwaggerUiIT extends GatewayTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final List<String> SERVICES = List.of("schedule", "registration", "notification", "analytics");

    @Test
    void opensTheSwaggerUiAndEverythingItLoadsWithoutAToken() {
        URI page = URI.create("/api/docs");
        EntityExchangeResult<byte[]> answer = anonymousGet(page, BROWSER_ACCEPT);
        for (int hops = 0; answer.getStatus().is3xxRedirection() && hops < 5; hops++) {
            page = page.resolve(answer.getResponseHeaders().getFirst(HttpHeaders.LOCATION));
            answer = anonymousGet(page, BROWSER_ACCEPT);
        }
        assertThat(answer.getStatus().value()).as("GET %s", page).isEqualTo(200);
        assertThat(answer.getResponseHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.TEXT_HTML)).isTrue());
        String html = new String(answer.getResponseBody(), StandardCharsets.UTF_8);
        List<String> assets = assets(html);
        assertThat(assets).anyMatch(a -> a.endsWith("swagger-initializer.js"));
        for (String asset : assets) {
            assertThat(anonymousGet(page.resolve(asset), "*/*").getStatus().value()).as("GET %s", asset)
                    .isEqualTo(200);
        }
        // The initializer is where springdoc tells the UI which configuration (and so which documents) to load.
        String initializer = new String(anonymousGet(page.resolve("swagger-initializer.js"), "*/*").getResponseBody(),
                StandardCharsets.UTF_8);
        assertThat(initializer).contains("/v3/api-docs/swagger-config");
    }

    @Test
    void listsEveryServiceInTheSwaggerConfigWithoutAToken() {
        JsonNode config = json(anonymousGet(URI.create("/v3/api-docs/swagger-config"), "application/json"));
        List<String> urls = new ArrayList<>();
        config.path("urls").forEach(u -> urls.add(u.path("url").asString()));
        assertThat(urls).containsExactlyInAnyOrderElementsOf(SERVICES.stream().map(s -> "/api/docs/" + s).toList());
    }

    @Test
    void servesEachServiceDocumentWithoutATokenWithABearerSchemeForTryItOut() {
        for (String service : SERVICES) {
            JsonNode doc = json(anonymousGet(URI.create("/api/docs/" + service), "application/json"));
            assertThat(doc.path("openapi").asString()).as(service).startsWith("3.");
            assertThat(doc.at("/servers/0/url").asString()).as(service).isEqualTo("/");
            JsonNode bearer = doc.at("/components/securitySchemes/bearer");
            assertThat(bearer.path("type").asString()).as(service).isEqualTo("http");
            assertThat(bearer.path("scheme").asString()).as(service).isEqualTo("bearer");
            assertThat(doc.path("security").toString()).as(service).contains("\"bearer\":[]");
        }
    }

    @Test
    void keepsTheApiItselfClosedWithoutAToken() {
        client().get().uri("/api/registrations/mine").exchange().expectStatus().isUnauthorized();
        client().post().uri("/api/docs/schedule").exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/swagger-ui/../registrations/mine").exchange().expectStatus()
                .value(status -> assertThat(status).isIn(400, 401));
    }

    private EntityExchangeResult<byte[]> anonymousGet(URI uri, String accept) {
        return bigBodies().get().uri(uri.toString()).header(HttpHeaders.ACCEPT, accept).exchange()
                .expectBody().returnResult();
    }

    /** Swagger UI's bundle is over a megabyte, beyond WebTestClient's default buffer. */
    private WebTestClient bigBodies() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(10))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
    }

    private static JsonNode json(EntityExchangeResult<byte[]> answer) {
        assertThat(answer.getStatus().value()).as("GET %s", answer.getUrl()).isEqualTo(200);
        assertThat(answer.getResponseHeaders().getContentType()).isNotNull()
                .satisfies(type -> assertThat(type.isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue());
        return JSON.readTree(answer.getResponseBody());
    }

    /** The scripts and style sheets a browser loads for the page. */
    private static List<String> assets(String html) {
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+\\.(?:js|css))\"").matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
