package org.eduweek.analytics.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.eduweek.analytics.config.AnalyticsProperties;
import org.eduweek.analytics.domain.FigureCalculator;
import org.eduweek.analytics.domain.Figures;
import org.eduweek.analytics.domain.Scope;
import org.eduweek.analytics.domain.TimeSeries;
import org.eduweek.analytics.store.AnalyticsStore;
import org.eduweek.platform.web.ApiException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Figures for organizers' dashboards. Staff only (ORGANIZER or ADMIN): even pseudonymous, small-group-suppressed
 * figures reveal demand before the organizers choose to publish it, so there is no public aggregate; the portal
 * shows seat availability from the registration service instead.
 */
@RestController
@RequestMapping("/api/analytics")
@PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
@Tag(name = "Analytics", description = "Live figures built from events (ORGANIZER or ADMIN)")
@SecurityRequirement(name = "bearer")
public class AnalyticsController {

    private final AnalyticsStore store;
    private final AnalyticsProperties props;

    public AnalyticsController(AnalyticsStore store, AnalyticsProperties props) {
        this.store = store;
        this.props = props;
    }

    @GetMapping("/sessions/{id}")
    @Operation(summary = "Figures of one session with breakdowns by audience, country, affiliation, campus, mode")
    public SessionView session(@PathVariable String id) {
        return store.read(c -> sessionView(c, id, true));
    }

    @GetMapping("/editions/{id}")
    @Operation(summary = "Figures of one edition (sum over its sessions) with breakdowns")
    public ScopeView edition(@PathVariable String id) {
        return scope(Scope.EDITION, id);
    }

    @GetMapping("/tracks/{id}")
    @Operation(summary = "Figures of one track (sum over its sessions) with breakdowns")
    public ScopeView track(@PathVariable String id) {
        return scope(Scope.TRACK, id);
    }

    @GetMapping("/activities/{id}")
    @Operation(summary = "Figures of one activity (sum over its sessions) with breakdowns")
    public ScopeView activity(@PathVariable String id) {
        return scope(Scope.ACTIVITY, id);
    }

    @GetMapping("/summary")
    @Operation(summary = "Figures per edition, track and activity",
            description = "Optionally limited to one edition. Notification delivery per channel is counted per edition.")
    public SummaryView summary(@RequestParam(required = false) String editionId) {
        return store.read(c -> new SummaryView(all(c, Scope.EDITION, editionId), all(c, Scope.TRACK, editionId),
                all(c, Scope.ACTIVITY, editionId)));
    }

    @GetMapping("/top-sessions")
    @Operation(summary = "Sessions by demand (confirmed + waitlisted), then fill rate")
    public List<SessionView> topSessions(@RequestParam(required = false) String editionId,
            @Parameter(description = "1..100") @RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > 100) {
            throw ApiException.badField("limit", "must be between 1 and 100");
        }
        return store.read(c -> c.topSessions(editionId, limit).stream()
                .map(f -> SessionView.of(f, c.session(f.id()), c.demand(f.id()), Map.of())).toList());
    }

    @GetMapping("/timeseries")
    @Operation(summary = "Registrations and cancellations per hour or per day",
            description = "Buckets are cut in `zone` if given, else in the time zone of the scope's first session "
                    + "(the edition's zone, e.g. Asia/Shanghai), else UTC.")
    public SeriesView timeSeries(@RequestParam Scope scope, @RequestParam String id,
            @RequestParam(defaultValue = "HOUR") TimeSeries.Interval interval,
            @RequestParam(required = false) String zone) {
        ZoneId requested = zone == null ? null : zone(zone);
        return store.read(c -> {
            Set<String> sessions = c.sessionIds(scope, id);
            if (sessions.isEmpty()) {
                throw ApiException.notFound(scope.name().toLowerCase(), id);
            }
            ZoneId z = requested != null ? requested : c.zoneOf(sessions);
            return new SeriesView(scope, id, interval, z.getId(), c.timeSeries(sessions, interval, z));
        });
    }

    private ScopeView scope(Scope scope, String id) {
        return store.read(c -> {
            Figures f = c.figures(scope, id);
            if (f == null) {
                throw ApiException.notFound(scope.name().toLowerCase(), id);
            }
            return new ScopeView(f, c.breakdowns(c.sessionIds(scope, id), props.minGroupSize()));
        });
    }

    private SessionView sessionView(FigureCalculator c, String id, boolean withBreakdowns) {
        Figures f = c.figures(Scope.SESSION, id);
        if (f == null) {
            throw ApiException.notFound("session", id);
        }
        return SessionView.of(f, c.session(id), c.demand(id),
                withBreakdowns ? c.breakdowns(Set.of(id), props.minGroupSize()) : Map.of());
    }

    private static List<Figures> all(FigureCalculator c, Scope scope, String editionId) {
        return c.ids(scope).stream().map(id -> c.figures(scope, id)).filter(Objects::nonNull)
                .filter(f -> editionId == null || editionId.equals(f.editionId())).toList();
    }

    static ZoneId zone(String zone) {
        try {
            return ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw ApiException.badField("zone", "is not an IANA time zone such as Asia/Shanghai");
        }
    }

}
