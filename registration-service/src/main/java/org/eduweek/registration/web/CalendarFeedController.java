package org.eduweek.registration.web;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.ForwardedHeaderUtils;

import org.eduweek.platform.web.ApiException;
import org.eduweek.registration.domain.CalendarFeeds;
import org.eduweek.registration.domain.Participant;
import org.eduweek.registration.domain.Profiles;
import org.eduweek.registration.store.Registrations;
import org.eduweek.registration.store.SessionReplica;

@RestController
@Tag(name = "Calendar feed", description = "A personal iCalendar feed that calendar apps subscribe to without a "
        + "token: the secret is in its URL, only its hash is stored, and making a new one retires the old URL.")
public class CalendarFeedController {

    static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");
    static final String FEED_PATH = "/api/registrations/calendar/";

    private final CalendarFeeds feeds;
    private final Registrations registrations;
    private final SessionReplica sessions;
    private final Profiles profiles;
    private final FeedCalendar calendar;

    public CalendarFeedController(CalendarFeeds feeds, Registrations registrations, SessionReplica sessions,
            Profiles profiles, FeedCalendar calendar) {
        this.feeds = feeds;
        this.registrations = registrations;
        this.sessions = sessions;
        this.profiles = profiles;
        this.calendar = calendar;
    }

    @Schema(description = "The feed's address. `url` is absolute (as the caller reached the service, through the "
            + "gateway when it did), `webcalUrl` the same for calendar apps that open webcal: links, `path` the "
            + "address on the portal's own origin. The secret is shown only in this answer.")
    public record FeedLink(String url, String webcalUrl, String path, Instant createdAt) {
    }

    @Schema(description = "Whether the caller has a feed, and since when (the URL itself cannot be shown again)")
    public record FeedState(boolean active, Instant createdAt) {
    }

    @PostMapping("/api/registrations/me/calendar-feed")
    @Operation(summary = "Make my calendar feed URL, or a new one in place of the old (signed in)",
            description = "201 with the feed's URL. Each call makes a new secret; the URL given before stops working "
                    + "(404) at once. The feed lists the caller's confirmed registrations.")
    @ApiResponse(responseCode = "201", description = "The new URL")
    public ResponseEntity<FeedLink> create(@AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        CalendarFeeds.Issued issued = feeds.issue(jwt.getSubject());
        String path = FEED_PATH + issued.token() + ".ics";
        URI url = ForwardedHeaderUtils.adaptFromForwardedHeaders(
                URI.create(request.getRequestURL().toString()), new ServletServerHttpRequest(request).getHeaders())
                .replacePath(path).replaceQuery(null).build().toUri();
        String webcal = url.toString().replaceFirst("^https?:", "webcal:");
        return ResponseEntity.created(url).cacheControl(CacheControl.noStore())
                .body(new FeedLink(url.toString(), webcal, path, issued.createdAt()));
    }

    @GetMapping("/api/registrations/me/calendar-feed")
    @Operation(summary = "Whether I have a calendar feed, and since when (signed in)")
    public FeedState state(@AuthenticationPrincipal Jwt jwt) {
        return feeds.activeSince(jwt.getSubject()).map(since -> new FeedState(true, since))
                .orElse(new FeedState(false, null));
    }

    @DeleteMapping("/api/registrations/me/calendar-feed")
    @Operation(summary = "Revoke my calendar feed (signed in)",
            description = "204; the feed's URL answers 404 from now on. 204 too when there was none.")
    @ApiResponse(responseCode = "204", description = "Revoked")
    public ResponseEntity<Void> revoke(@AuthenticationPrincipal Jwt jwt) {
        feeds.revoke(jwt.getSubject());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/registrations/calendar/{token}.ics")
    @Operation(summary = "A participant's calendar feed (no token: the secret in the URL is the credential)",
            description = "text/calendar (RFC 5545): the participant's confirmed registrations, each session in its "
                    + "own time zone with LOCATION, UID sessionId@eduweek and SEQUENCE, and the join link (URL) for "
                    + "online and hybrid sessions. Titles in `lang` (en or zh; default: the profile's language). "
                    + "An unknown, rotated or revoked secret is 404.")
    @ApiResponse(responseCode = "200", description = "The calendar",
            content = @Content(mediaType = "text/calendar"))
    @ApiResponse(responseCode = "404", description = "No feed with this secret")
    public ResponseEntity<String> feed(@PathVariable String token,
            @Parameter(description = "en or zh") @RequestParam(required = false) String lang) {
        String participantId = feeds.participantOf(token)
                .orElseThrow(() -> ApiException.notFound("Calendar feed", "…"));
        String language = "zh".equals(lang) || "en".equals(lang) ? lang
                : profiles.find(participantId).map(Participant::language).filter("zh"::equals).orElse("en");
        List<FeedCalendar.Entry> entries = registrations.confirmedOf(participantId).stream()
                .map(r -> sessions.find(r.sessionId()).map(s -> new FeedCalendar.Entry(r, s)).orElse(null))
                .filter(Objects::nonNull)
                .filter(e -> e.session().start() != null && e.session().end() != null)
                .sorted(Comparator.comparing(e -> e.session().start()))
                .toList();
        String name = "zh".equals(language) ? "我的 eduweek" : "My eduweek";
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).cacheControl(CacheControl.noCache().cachePrivate())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"my-eduweek.ics\"")
                .header("Referrer-Policy", "no-referrer")
                .body(calendar.write(name, entries, language));
    }
}
