package org.eduweek.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import org.eduweek.gateway.config.EventLoopThreads;

@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        EventLoopThreads.apply();
        SpringApplication.run(GatewayApplication.class, args);
    }
}
