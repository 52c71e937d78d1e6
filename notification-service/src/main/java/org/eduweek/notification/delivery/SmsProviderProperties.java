package org.eduweek.notification.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param type {@code generic} (JSON {@code {"to","from","body"}} to {@code url}) or {@code twilio} (form POST to
 *        {@code twilioBaseUrl}/2010-04-01/Accounts/{sid}/Messages.json with basic auth)
 * @param token the generic provider's API token, sent as {@code Authorization: Bearer <token>} when set
 */
@ConfigurationProperties("eduweek.sms-provider")
public record SmsProviderProperties(String type, String url, String twilioBaseUrl, String twilioAccountSid,
        String twilioAuthToken, Duration timeout, String token) {

    public SmsProviderProperties {
        type = type == null ? "generic" : type;
        url = url == null ? "http://127.0.0.1:8090/sms/messages" : url;
        twilioBaseUrl = twilioBaseUrl == null ? "https://api.twilio.com" : twilioBaseUrl;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        token = token == null || token.isBlank() ? null : token;
    }
}
