package org.eduweek.schedule.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.eduweek.platform.security.CurrentUser;
import org.eduweek.platform.teams.EditionTeam;
import org.eduweek.schedule.team.TeamService;

@RestController
@RequestMapping("/api/schedule/editions/{editionId}/team")
@Tag(name = "Edition teams", description = "The organizers who may edit an edition's programme and run its "
        + "rosters, check-in and announcements")
public class TeamController {

    private final TeamService teams;

    public TeamController(TeamService teams) {
        this.teams = teams;
    }

    @GetMapping
    @PreAuthorize(Staff.ONLY)
    @Operation(summary = "The edition's team (organizers and admins)", description = "version grows with every "
            + "change; an empty team (version 0 when never set) means the edition is managed by ADMINs only.")
    public EditionTeam get(@PathVariable String editionId) {
        return teams.team(editionId);
    }

    @PutMapping("/{subject}")
    @PreAuthorize(Staff.ONLY)
    @Operation(summary = "Add a member, or change their name and email (ADMIN or a member of this team)",
            description = "subject is the member's token subject (sub). Idempotent: the same body again changes "
                    + "nothing. 403 not-on-team for an organizer outside the team.")
    public EditionTeam put(@PathVariable String editionId, @PathVariable String subject,
            @RequestBody(required = false) TeamService.MemberInput body) {
        return teams.put(caller(), editionId, subject, body);
    }

    @DeleteMapping("/{subject}")
    @PreAuthorize(Staff.ONLY)
    @Operation(summary = "Remove a member (ADMIN or a member of this team; the last member only by an ADMIN)",
            description = "Idempotent: removing someone who is not on the team answers the team unchanged.")
    public EditionTeam delete(@PathVariable String editionId, @PathVariable String subject) {
        return teams.remove(caller(), editionId, subject);
    }

    private static CurrentUser caller() {
        return CurrentUser.current().orElseThrow(
                () -> new org.springframework.security.access.AccessDeniedException("A signed-in organizer only"));
    }
}
