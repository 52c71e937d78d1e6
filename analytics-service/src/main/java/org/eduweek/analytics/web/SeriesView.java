package org.eduweek.analytics.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import org.eduweek.analytics.domain.Scope;
import org.eduweek.analytics.domain.TimeSeries;

@Schema(description = "Registrations and cancellations per bucket; bucket starts carry the zone's offset")
public record SeriesView(Scope scope, String id, TimeSeries.Interval interval, String zone,
        List<TimeSeries.Bucket> buckets) {
}
