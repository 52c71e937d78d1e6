package org.eduweek.registration.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.eduweek.platform.security.CurrentUser;
import org.eduweek.registration.domain.Participant;
import org.eduweek.registration.domain.ProfileChange;
import org.eduweek.registration.domain.Profiles;

@RestController
@RequestMapping("/api/registrations/me/profile")
@Tag(name = "Profile", description = "Your participant profile (contact data, audience, affiliation, SMS consent)")
public class ProfileController {

    private final Profiles profiles;

    public ProfileController(Profiles profiles) {
        this.profiles = profiles;
    }

    /** The profile as the caller sees it; no internal bookkeeping (claims, outbox). */
    public record ProfileView(String participantId, String name, String email, String phone, String language,
            boolean smsConsent, String audience, String affiliation, String country, String level,
            String timeZone, long profileVersion) {

        static ProfileView of(Participant p) {
            return new ProfileView(p.id(), p.name(), p.email(), p.phone(), p.language(), p.smsConsent(),
                    p.audience(), p.affiliation(), p.country(), p.level(), p.timeZone(), p.profileVersion());
        }
    }

    @GetMapping
    @Operation(summary = "My profile (created from my token's claims on first use)")
    public ProfileView get(@AuthenticationPrincipal Jwt jwt) {
        return ProfileView.of(profiles.recordFromClaims(CurrentUser.from(jwt)));
    }

    @PutMapping
    @Operation(summary = "Change self-service fields",
            description = "Fields left out (or null) stay as they are; phone in E.164 (+8613800138000), empty string "
                    + "removes it; language en|zh; audience STUDENT|NEW_STUDENT|TEACHER|MANAGEMENT_STAFF|"
                    + "EXTERNAL_SCHOLAR; country ISO 3166 alpha-2; timeZone an IANA zone id (Asia/Shanghai), empty string removes it; smsConsent needs a phone. Publishes "
                    + "ParticipantProfileChanged when something changed. Honours Idempotency-Key.")
    public ProfileView put(@AuthenticationPrincipal Jwt jwt, @RequestBody ProfileChange change) {
        return ProfileView.of(profiles.update(CurrentUser.from(jwt), change));
    }
}
