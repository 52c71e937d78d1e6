package org.eduweek.registration.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

import org.junit.jupiter.api.Test;

import org.eduweek.registration.domain.Session;
import org.eduweek.registration.support.Http;
import org.eduweek.registration.support.IntegrationTest;
import org.eduweek.registration.support.TopicProbe;

class CheckInIT extends IntegrationTest {

    @Test
    void organizerChecksInByScanningTheQrCodeOnceAndASecondScanIsHarmless() throws Exception {
        Session s = publishSession(2);
        String token = participant(unique("p"));
        String id = http().post("/api/registrations", token, "{\"sessionId\":\"" + s.id() + "\"}").json().get("id")
                .asString();
        Http.Response png = http().get("/api/registrations/" + id + "/qr", token);
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.header("Content-Type")).isEqualTo("image/png");
        String scanned = decode(png.bytes());

        String body = "{\"token\":\"" + scanned + "\"}";
        Http.Response first = http().post("/api/registrations/sessions/" + s.id() + "/check-ins", organizer(), body);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("alreadyCheckedIn").asBoolean()).isFalse();
        assertThat(first.json().get("registration").get("attendance").asString()).isEqualTo("CHECKED_IN");
        Http.Response second = http().post("/api/registrations/sessions/" + s.id() + "/check-ins", organizer(), body);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("alreadyCheckedIn").asBoolean()).isTrue();
        assertThat(second.json().get("message").asString()).startsWith("Already checked in");
        TopicProbe.await("registration.events.v1", r -> r.value().contains(id)
                && "ParticipantCheckedIn".equals(TopicProbe.header(r, "eventType")));

        assertThat(http().post("/api/registrations/sessions/" + s.id() + "/check-ins", token, body).status())
                .as("participants cannot check people in").isEqualTo(403);
    }

    @Test
    void wrongSessionForgedOrCancelledCodesAreRefused() {
        Session s = publishSession(2);
        Session other = publishSession(2);
        String token = participant(unique("p"));
        String id = http().post("/api/registrations", token, "{\"sessionId\":\"" + s.id() + "\"}").json().get("id")
                .asString();
        String qr = http().get("/api/registrations/" + id + "/qr-token", token).json().get("token").asString();

        Http.Response wrong = http().post("/api/registrations/sessions/" + other.id() + "/check-ins", organizer(),
                "{\"token\":\"" + qr + "\"}");
        assertThat(wrong.status()).isEqualTo(409);
        assertThat(wrong.json().get("detail").asString()).contains("another session");
        Http.Response forged = http().post("/api/registrations/sessions/" + s.id() + "/check-ins", organizer(),
                "{\"token\":\"" + qr.substring(0, qr.length() - 2) + "xx\"}");
        assertThat(forged.status()).isEqualTo(400);
        assertThat(http().post("/api/registrations/sessions/" + s.id() + "/check-ins", organizer(), "{}").status())
                .isEqualTo(400);

        http().post("/api/registrations/" + id + "/cancel", token, null);
        Http.Response cancelled = http().post("/api/registrations/sessions/" + s.id() + "/check-ins", organizer(),
                "{\"token\":\"" + qr + "\"}");
        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(http().get("/api/registrations/" + id + "/qr", token).status()).isEqualTo(409);
    }

    @Test
    void csvExportIsUtf8WithBomAndShowsNoShowsAfterTheSession() {
        Session s = publishSession(2);
        String token = participant(unique("zh"), Map.of("name", "陈爱丽, Alice"));
        http().post("/api/registrations", token, "{\"sessionId\":\"" + s.id() + "\"}");
        clock.advance(Duration.ofDays(12));
        Http.Response csv = http().get("/api/registrations/sessions/" + s.id() + "/export.csv", organizer());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(Arrays.copyOf(csv.bytes(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv.bytes(), 3, csv.bytes().length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("registrationId,participantId,name");
        assertThat(text).contains("\"陈爱丽, Alice\"").contains("NO_SHOW");
        assertThat(http().get("/api/registrations/sessions/" + s.id() + "/export.csv", token).status())
                .isEqualTo(403);
        var list = http().get("/api/registrations/sessions/" + s.id(), organizer()).json();
        assertThat(list.get(0).get("attendance").asString()).isEqualTo("NO_SHOW");
    }

    private static String decode(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        // PURE_BARCODE: the image is a clean rendering, not a photo; without it ZXing's finder-pattern search misses
        // about 1 in 100 of our codes, which would make this test flaky.
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image))), java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE,
                        Boolean.TRUE, com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }
}
