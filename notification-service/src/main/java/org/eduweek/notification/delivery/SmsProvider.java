package org.eduweek.notification.delivery;

/** An HTTP SMS gateway. Implementations map the provider's answers to permanent or transient failures. */
public interface SmsProvider {

    /**
     * @param idempotencyKey stable per message (its dedupe key): a provider that honours it drops the resend that
     *        follows a crash between its acceptance and our "sent" record
     * @return the provider's message id
     */
    String send(String to, String from, String body, String idempotencyKey) throws DeliveryException;

    static DeliveryException classify(int status, String body) {
        boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
        String text = body == null ? "" : body.length() > 200 ? body.substring(0, 200) : body;
        return new DeliveryException("provider answered " + status + ": " + text.strip(), permanent, null);
    }
}
