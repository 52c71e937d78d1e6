package org.eduweek.notification.config;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

import org.eduweek.notification.delivery.GenericJsonSmsProvider;
import org.eduweek.notification.delivery.SmsProvider;
import org.eduweek.notification.delivery.SmsProviderProperties;
import org.eduweek.notification.delivery.SmsRateLimiter;
import org.eduweek.notification.delivery.TwilioSmsProvider;

@Configuration(proxyBeanMethods = false)
public class SmsConfiguration {

    @Bean
    SmsProvider smsProvider(SmsProviderProperties props, JsonMapper json) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
        return switch (props.type().toLowerCase()) {
            case "twilio" -> new TwilioSmsProvider(http, json, props);
            case "generic" -> new GenericJsonSmsProvider(http, json, props);
            default -> throw new IllegalStateException(
                    "SMS_PROVIDER must be 'generic' or 'twilio', not '" + props.type() + "'");
        };
    }

    @Bean
    SmsRateLimiter smsRateLimiter(NotificationProperties props) {
        return new SmsRateLimiter(props.sms().ratePerSecond());
    }
}
