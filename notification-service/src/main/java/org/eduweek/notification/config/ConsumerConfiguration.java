package org.eduweek.notification.config;

import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

@Configuration(proxyBeanMethods = false)
public class ConsumerConfiguration {

    /**
     * Registration events are acknowledged out of order by their lanes ({@code RegistrationLanes}); async acks make
     * the container commit an offset only once every record before it is acknowledged (it pauses the consumer until
     * a poll's records are all acknowledged). Commits are asynchronous so that the consumer does not wait a broker
     * round trip per poll: a commit that fails is covered by the next one, and at worst records are redelivered.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> asyncAcksForRegistrationEvents() {
        return (container, destination, group) -> {
            if ("registration.events.v1".equals(destination)) {
                container.getContainerProperties().setAsyncAcks(true);
                container.getContainerProperties().setSyncCommits(false);
            }
        };
    }
}
