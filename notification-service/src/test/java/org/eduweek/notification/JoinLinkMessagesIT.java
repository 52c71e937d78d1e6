package org.eduweek.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;

import org.eduweek.notification.support.Fixtures;
import org.eduweek.notification.support.MailParts;
import org.eduweek.notification.support.NotificationITBase;
import org.eduweek.notification.support.TestMail;

/** The join link of an online session reaches confirmed registrants only (the session sample is HYBRID). */
class JoinLinkMessagesIT extends NotificationITBase {

    private static final String LINK = "https://meeting.example.edu/j/2020fair";

    private static MimeMessage awaitMail(String to, int index) {
        await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.to(to).size() > index);
        return TestMail.to(to).get(index);
    }

    private static String wholeMessage(MimeMessage mail) throws Exception {
        Calendar ics = MailParts.ics(mail);
        return mail.getSubject() + "\n" + MailParts.text(mail) + "\n" + MailParts.html(mail) + "\n"
                + (ics == null ? "" : ics.toString());
    }

    @Test
    void theConfirmationCarriesTheJoinLinkInTextHtmlAndCalendar() throws Exception {
        String sessionId = Fixtures.id("ses");
        fixtures.publishSession("SessionScheduled", fixtures.session(sessionId, Duration.ofDays(3), 1));
        Fixtures.Person alice = fixtures.person("en", false);

        fixtures.publishRegistration("RegistrationCreated",
                fixtures.registration(Fixtures.id("reg"), sessionId, alice.id(), "CONFIRMED", 1));

        MimeMessage mail = awaitMail(alice.email(), 0);
        assertThat(MailParts.text(mail)).contains(LINK);
        assertThat(MailParts.html(mail)).contains("href=\"" + LINK + "\"");
        assertThat(MailParts.ics(mail).toString()).contains("URL:" + LINK);
    }

    @Test
    void theWaitlistMessageHasNoJoinLink() throws Exception {
        String sessionId = Fixtures.id("ses");
        fixtures.publishSession("SessionScheduled", fixtures.session(sessionId, Duration.ofDays(3), 1));
        Fixtures.Person bob = fixtures.person("en", false);

        fixtures.publishRegistration("RegistrationCreated",
                fixtures.registration(Fixtures.id("reg"), sessionId, bob.id(), "WAITLISTED", 1));

        MimeMessage mail = awaitMail(bob.email(), 0);
        assertThat(mail.getSubject()).contains("waiting list");
        assertThat(wholeMessage(mail)).doesNotContain(LINK);
    }

    @Test
    void aSessionChangeShowsTheJoinLinkToTheConfirmedRegistrantOnly() throws Exception {
        String sessionId = Fixtures.id("ses");
        fixtures.publishSession("SessionScheduled", fixtures.session(sessionId, Duration.ofDays(3), 1));
        Fixtures.Person seated = fixtures.person("en", false);
        Fixtures.Person waiting = fixtures.person("en", false);
        fixtures.publishRegistration("RegistrationCreated",
                fixtures.registration(Fixtures.id("reg"), sessionId, seated.id(), "CONFIRMED", 1));
        fixtures.publishRegistration("RegistrationCreated",
                fixtures.registration(Fixtures.id("reg"), sessionId, waiting.id(), "WAITLISTED", 1));
        awaitMail(seated.email(), 0);
        awaitMail(waiting.email(), 0);

        var moved = fixtures.session(sessionId, Duration.ofDays(3), 2);
        moved.putObject("venue").put("campus", "Benbu").put("building", "Science").put("room", "B2");
        moved.putArray("changes").add("VENUE");
        fixtures.publishSession("SessionChanged", moved);

        MimeMessage toSeated = awaitMail(seated.email(), 1);
        MimeMessage toWaiting = awaitMail(waiting.email(), 1);
        assertThat(List.of(toSeated.getSubject(), toWaiting.getSubject())).allMatch(s -> s.contains("changed"));
        assertThat(MailParts.text(toSeated)).contains(LINK);
        assertThat(MailParts.ics(toSeated).toString()).contains("URL:" + LINK);
        assertThat(wholeMessage(toWaiting)).contains("B2").doesNotContain(LINK);
    }
}
