package org.eduweek.gateway.config;

import java.util.List;
import java.util.Map;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prepares a service's OpenAPI document for the combined Swagger UI. The document names the service's own address as
 * its server; through the gateway "Try it out" must call the gateway instead, so {@code servers} is replaced by the
 * gateway's origin ({@code /}). And the UI's "Authorize" dialog only offers what a document declares, and only sends
 * a token on operations that ask for one: a document without them gets the {@code bearer} (JWT) scheme and a
 * top-level requirement that makes it optional ({@code [{bearer: []}, {}]}, since some reads are public). A service
 * that declares its own scheme or requirements keeps them.
 */
@Component
public class ApiDocsServersGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BEARER = "bearer";
    private final ModifyResponseBodyGatewayFilterFactory modify;

    public ApiDocsServersGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modify) {
        super(Object.class);
        this.modify = modify;
    }

    @Override
    public GatewayFilter apply(Object ignored) {
        ModifyResponseBodyGatewayFilterFactory.Config config = new ModifyResponseBodyGatewayFilterFactory.Config()
                .setRewriteFunction(String.class, String.class, (exchange, body) -> Mono.justOrEmpty(rewrite(body)));
        return modify.apply(config);
    }

    static String rewrite(String body) {
        if (body == null) {
            return null;
        }
        try {
            JsonNode doc = JSON.readTree(body);
            if (doc instanceof ObjectNode object && object.has("openapi")) {
                object.set("servers", JSON.valueToTree(List.of(Map.of("url", "/", "description", "eduweek gateway"))));
                declareBearer(object);
                return JSON.writeValueAsString(object);
            }
            return body;
        } catch (RuntimeException notJson) {
            return body;
        }
    }

    private static void declareBearer(ObjectNode doc) {
        JsonNode components = doc.get("components");
        ObjectNode componentsObject = components instanceof ObjectNode c ? c : doc.putObject("components");
        JsonNode schemes = componentsObject.get("securitySchemes");
        ObjectNode schemesObject = schemes instanceof ObjectNode s ? s : componentsObject.putObject("securitySchemes");
        if (schemesObject.isEmpty()) {
            schemesObject.set(BEARER, JSON.valueToTree(Map.of("type", "http", "scheme", "bearer",
                    "bearerFormat", "JWT")));
        }
        if (!doc.has("security") && schemesObject.has(BEARER)) {
            doc.set("security", JSON.valueToTree(List.of(Map.of(BEARER, List.of()), Map.of())));
        }
    }
}
