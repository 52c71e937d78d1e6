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
 * A service's OpenAPI document names the service's own address as its server; through the gateway "Try it out" must
 * call the gateway instead, so {@code servers} is replaced by the gateway's origin ({@code /}).
 */
@Component
public class ApiDocsServersGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
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
                return JSON.writeValueAsString(object);
            }
            return body;
        } catch (RuntimeException notJson) {
            return body;
        }
    }
}
