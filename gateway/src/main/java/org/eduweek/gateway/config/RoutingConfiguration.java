package org.eduweek.gateway.config;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.eduweek.gateway.filter.ReadTimeoutRoutingFilter;

import reactor.netty.http.client.HttpClient;

/**
 * The global filters that proxy to the services: {@link ReadTimeoutRoutingFilter} in place of Spring Cloud Gateway's
 * own routing filter, which application.yml switches off ({@code global-filter.netty-routing.enabled: false}).
 * That switch also drops Spring Cloud Gateway's {@link NettyWriteResponseFilter}, which writes the service's response
 * body to the client (without it every response went out with its headers and no body): declared here again, as
 * Spring Cloud Gateway declares it (with Spring Cloud Gateway's properties, not this package's {@link GatewayProperties}).
 */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

    @Bean
    ReadTimeoutRoutingFilter readTimeoutRoutingFilter(HttpClient httpClient,
            ObjectProvider<List<HttpHeadersFilter>> headersFilters, HttpClientProperties properties) {
        return new ReadTimeoutRoutingFilter(httpClient, headersFilters, properties);
    }

    @Bean
    NettyWriteResponseFilter nettyWriteResponseFilter(
            org.springframework.cloud.gateway.config.GatewayProperties properties,
            ObjectProvider<List<HttpHeadersFilter>> headersFilters) {
        return new NettyWriteResponseFilter(properties.getStreamingMediaTypes(), headersFilters);
    }
}
