package org.eduweek.analytics.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.eduweek.analytics.config.AnalyticsProperties;
import org.eduweek.analytics.domain.BreakdownRow;
import org.eduweek.analytics.domain.FigureCalculator;
import org.eduweek.analytics.domain.Figures;
import org.eduweek.analytics.domain.Scope;
import org.eduweek.analytics.domain.SessionInfo;
import org.eduweek.analytics.store.AnalyticsStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/analytics")
@PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
@Tag(name = "Analytics")
public class ExportController {

    public enum Report { SESSIONS, BREAKDOWNS }

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final List<String> SESSION_COLUMNS = List.of("sessionId", "editionId", "activityId", "trackId",
            "titleEn", "titleZh", "start", "end", "timeZone", "mode", "campus", "status", "capacity", "confirmed",
            "waitlisted", "cancelled", "checkedIn", "noShows", "fillRate", "waitlistLength", "attendanceRate",
            "emailSent", "emailFailed", "smsSent", "smsFailed");

    private final AnalyticsStore store;
    private final AnalyticsProperties props;

    public ExportController(AnalyticsStore store, AnalyticsProperties props) {
        this.store = store;
        this.props = props;
    }

    @GetMapping(path = "/export.csv", produces = "text/csv")
    @Operation(summary = "CSV export (UTF-8 with BOM, opens in Excel)",
            description = "report=SESSIONS: one row per session with its figures. report=BREAKDOWNS: one row per "
                    + "scope (edition, track, activity, session), dimension and group; groups under 3 people "
                    + "show \"<3\" and no numbers. No personal data: participants never appear.")
    public ResponseEntity<byte[]> export(@RequestParam(required = false) String editionId,
            @Parameter(description = "SESSIONS or BREAKDOWNS") @RequestParam(defaultValue = "SESSIONS") Report report) {
        String body = store.read(c -> report == Report.SESSIONS ? sessions(c, editionId) : breakdowns(c, editionId));
        String file = "eduweek-" + report.name().toLowerCase() + (editionId == null ? "" : "-" + safe(editionId))
                + ".csv";
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String sessions(FigureCalculator c, String editionId) {
        Csv csv = new Csv().row(SESSION_COLUMNS);
        for (String id : sessionIds(c, editionId)) {
            Figures f = c.figures(Scope.SESSION, id);
            SessionInfo s = c.session(id);
            Map<String, Long> sent = f.notificationsSent();
            Map<String, Long> failed = f.notificationsFailed();
            csv.row(java.util.Arrays.asList(id, f.editionId(), s == null ? null : s.activityId(),
                    s == null ? null : s.trackId(), s == null ? null : s.titleEn(), s == null ? null : s.titleZh(),
                    s == null ? null : s.start(), s == null ? null : s.end(), s == null ? null : s.timeZone(),
                    s == null ? null : s.mode(), s == null ? null : s.campus(), s == null ? null : s.status(),
                    f.capacity(), f.confirmed(), f.waitlisted(), f.cancelled(), f.checkedIn(), f.noShows(),
                    f.fillRate(), f.waitlistLength(), f.attendanceRate(), sent.getOrDefault("EMAIL", 0L),
                    failed.getOrDefault("EMAIL", 0L), sent.getOrDefault("SMS", 0L), failed.getOrDefault("SMS", 0L)));
        }
        return csv.toString();
    }

    private String breakdowns(FigureCalculator c, String editionId) {
        Csv csv = new Csv().row(List.of("scope", "scopeId", "dimension", "group", "participants", "confirmed",
                "checkedIn"));
        for (Scope scope : Scope.values()) {
            for (String id : c.ids(scope)) {
                Set<String> sessions = c.sessionIds(scope, id);
                Figures f = c.figures(scope, id);
                if (f == null || (editionId != null && !editionId.equals(f.editionId()))) {
                    continue;
                }
                c.breakdowns(sessions, props.minGroupSize()).forEach((dimension, rows) -> {
                    for (BreakdownRow row : rows) {
                        csv.row(java.util.Arrays.asList(scope, id, dimension, row.group(), row.display(),
                                row.confirmed(), row.checkedIn()));
                    }
                });
            }
        }
        return csv.toString();
    }

    private static List<String> sessionIds(FigureCalculator c, String editionId) {
        return new ArrayList<>(editionId == null ? c.ids(Scope.SESSION) : c.sessionIds(Scope.EDITION, editionId));
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
