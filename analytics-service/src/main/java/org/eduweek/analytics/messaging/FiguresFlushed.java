package org.eduweek.analytics.messaging;

import java.util.List;

import org.eduweek.analytics.events.EditionSummary;
import org.eduweek.analytics.events.SessionStats;

/** In-process signal after each flush: what changed, for the live stream to push to dashboards. */
public record FiguresFlushed(List<SessionStats> sessions, List<EditionSummary> editions) {
}
