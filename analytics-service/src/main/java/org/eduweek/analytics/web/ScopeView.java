package org.eduweek.analytics.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

import org.eduweek.analytics.domain.BreakdownRow;
import org.eduweek.analytics.domain.Figures;

@Schema(description = "Figures of an activity, track or edition (sums over its sessions) with breakdowns")
public record ScopeView(Figures figures, Map<String, List<BreakdownRow>> breakdowns) {
}
