package org.eduweek.analytics.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.eduweek.analytics.domain.Figures;

@Schema(description = "Figures per edition, track and activity (no breakdowns; ask one scope for those)")
public record SummaryView(List<Figures> editions, List<Figures> tracks, List<Figures> activities) {
}
