package org.eduweek.analytics.web;

import java.util.List;
import java.util.Objects;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.eduweek.analytics.domain.Scope;
import org.eduweek.analytics.events.EditionSummary;
import org.eduweek.analytics.events.SessionStats;
import org.eduweek.analytics.store.AnalyticsStore;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
@RequestMapping("/api/analytics")
@PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
@Tag(name = "Analytics")
public class LiveController {

    private final AnalyticsStore store;
    private final LiveFeed feed;

    public LiveController(AnalyticsStore store, LiveFeed feed) {
        this.store = store;
        this.feed = feed;
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Live figures as Server-Sent Events",
            description = "First the current figures, then every change within ~100 ms: events `edition-summary` "
                    + "and `session-stats` (JSON as on the topics, `id` = the record's key). Browsers' EventSource "
                    + "cannot send headers, so this path also accepts the token as `?access_token=`.")
    public SseEmitter stream(@Parameter(description = "only this edition") @RequestParam(required = false)
            String editionId, HttpServletResponse response) {
        response.setHeader("X-Accel-Buffering", "no");
        response.setHeader("Cache-Control", "no-cache");
        record Snapshot(List<SessionStats> sessions, List<EditionSummary> editions) {
        }
        Snapshot snapshot = store.read(c -> new Snapshot(
                (editionId == null ? c.ids(Scope.SESSION) : c.sessionIds(Scope.EDITION, editionId)).stream()
                        .map(c::sessionStats).filter(Objects::nonNull).toList(),
                (editionId == null ? c.editions() : java.util.Set.of(editionId)).stream()
                        .map(c::editionSummary).filter(Objects::nonNull).toList()));
        return feed.subscribe(editionId, snapshot.sessions(), snapshot.editions());
    }
}
