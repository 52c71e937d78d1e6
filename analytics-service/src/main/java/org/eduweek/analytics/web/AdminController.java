package org.eduweek.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.eduweek.analytics.messaging.Rebuilder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/analytics/admin")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Analytics administration")
public class AdminController {

    private final Rebuilder rebuilder;

    public AdminController(Rebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Drop every projection and rebuild it by replaying all input topics from the beginning",
            description = "Synchronous; live consumption pauses meanwhile. Afterwards every figure is republished "
                    + "to the compacted topics. The figures equal those built live (tested).")
    public Rebuilder.Result rebuild() {
        return rebuilder.rebuild();
    }
}
