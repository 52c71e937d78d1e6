package org.eduweek.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eduweek.local.PortalWalk.accountButton;
import static org.eduweek.local.PortalWalk.first;
import static org.eduweek.local.PortalWalk.press;
import static org.eduweek.local.PortalWalk.text;
import static org.eduweek.local.PortalWalk.waitFor;

import org.eduweek.platform.testing.browser.Browser;
import org.eduweek.platform.testing.browser.BrowserExtension;
import org.eduweek.platform.testing.browser.Browsers;
import org.eduweek.platform.testing.browser.ViewportSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * A forgotten password, through Keycloak, in headless Chromium on the shared platform: a participant who signed up
 * and signed out follows "Forgot password?" on the sign-in page reached from the portal, asks for the reset mail,
 * opens its link from the mail capture, sets a new password and is back in the portal signed in. At desktop size
 * the old password is refused and the new one signs in. The portal's states pass the usual check (no console error,
 * no axe violation, a screenshot); Keycloak's own pages are driven and photographed, not judged.
 */
@ExtendWith({BrowserExtension.class, SharedPlatform.Extension.class})
class PasswordResetIT {

    private static final String FIRST = "Reset-me-not-2027";
    private static final String SECOND = "Reset-and-renewed-2028";

    @Test
    void aForgottenPasswordIsResetFromTheMailAndTheNewOneSignsIn(SharedPlatform shared, Browsers browsers)
            throws Exception {
        PortalWalk walk = new PortalWalk(shared.platform());
        String email = "ines." + walk.run + "@scholars.example.org";
        Browser phone = browsers.open(ViewportSize.PHONE);
        phone.load(walk.gateway + "/");
        walk.signUp(phone, "Sign up", "en", email, "Inés", "Moreau", FIRST);
        press(accountButton(phone.driver(), "Sign out"));
        waitFor(phone, d -> d.getCurrentUrl().startsWith(walk.gateway) && accountButton(d, "Sign in") != null);
        walk.check(phone, "01-signed-out");

        press(accountButton(phone.driver(), "Sign in"));
        waitFor(phone, d -> walk.onKeycloak(d) ? first(d, By.id("kc-form-login")) : null);
        press(waitFor(phone, d -> first(d, By.xpath("//a[contains(@href,'reset-credentials')]"))));
        waitFor(phone, d -> walk.onKeycloak(d) && first(d, By.id("kc-reset-password-form")) != null);
        phone.screenshot("02-keycloak-forgot-password");
        phone.driver().findElement(By.id("username")).sendKeys(email);
        phone.driver().findElement(By.cssSelector("#kc-reset-password-form [type=submit]")).click();
        waitFor(phone, d -> walk.onKeycloak(d) && first(d, By.id("kc-reset-password-form")) == null
                && text(d, By.tagName("body")).toLowerCase().contains("email"));
        phone.screenshot("03-keycloak-reset-mail-sent");

        // the second mail to this address (the first verified it) holds the reset link
        String link = walk.lastActionLink(email, 2);
        assertThat(walk.mails(email).get(1).path("subject").asText()).containsIgnoringCase("password");
        phone.driver().get(link);
        walk.setNewPassword(phone, SECOND);
        waitFor(phone, d -> d.getCurrentUrl().startsWith(walk.gateway) && signedIn(d, "Inés"));
        walk.check(phone, "04-signed-in-after-reset");

        Browser desktop = browsers.open(ViewportSize.DESKTOP);
        desktop.load(walk.gateway + "/");
        press(waitFor(desktop, d -> accountButton(d, "Sign in")));
        waitFor(desktop, d -> walk.onKeycloak(d) ? first(d, By.id("kc-form-login")) : null);
        signIn(desktop, email, FIRST);
        waitFor(desktop, d -> text(d, By.tagName("body")).toLowerCase().contains("invalid username or password"));
        desktop.screenshot("05-keycloak-old-password-refused");
        signIn(desktop, email, SECOND);
        waitFor(desktop, d -> d.getCurrentUrl().startsWith(walk.gateway) && signedIn(d, "Inés"));
        walk.check(desktop, "06-signed-in-with-new-password");

        walk.report("password reset", phone, desktop);
    }

    private static void signIn(Browser browser, String email, String password) {
        var username = browser.driver().findElement(By.id("username"));
        username.clear();
        username.sendKeys(email);
        browser.driver().findElement(By.id("password")).sendKeys(password);
        browser.driver().findElement(By.cssSelector("#kc-form-login [type=submit]")).click();
    }

    private static boolean signedIn(WebDriver driver, String name) {
        return text(driver, By.cssSelector("#account .who")).contains(name);
    }
}
