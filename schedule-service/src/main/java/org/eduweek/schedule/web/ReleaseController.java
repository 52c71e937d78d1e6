package org.eduweek.schedule.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.eduweek.platform.security.CurrentUser;
import org.eduweek.platform.web.ApiException;
import org.eduweek.schedule.domain.Release;
import org.eduweek.schedule.domain.ReleaseService;
import org.eduweek.schedule.team.EditorAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/schedule/editions/{editionId}")
@Tag(name = "Releases", description = "Publish the draft programme; the changelog between any two releases")
public class ReleaseController {

    private final ReleaseService releases;

    private final EditorAccess access;

    public ReleaseController(ReleaseService releases, EditorAccess access) {
        this.access = access;
        this.releases = releases;
    }

    public record ReleaseRequest(String note) {
    }

    @PostMapping("/releases")
    @PreAuthorize(Staff.ONLY)
    @Operation(summary = "Publish a release", description = "Emits SessionScheduled, SessionChanged (with changes "
            + "and previous values) or SessionCancelled for exactly the sessions whose draft differs from what is "
            + "public, raises their sequence, and records the release for the changelog.")
    public ResponseEntity<Release> publish(@PathVariable String editionId,
            @RequestBody(required = false) ReleaseRequest body) {
        access.requireMayEdit(editionId);
        String by = CurrentUser.current().map(CurrentUser::id).orElse(null);
        Release r = releases.publish(editionId, body == null ? null : body.note(), by);
        return ResponseEntity.created(URI.create("/api/schedule/editions/" + editionId + "/releases/" + r.number()))
                .body(r);
    }

    @GetMapping("/releases/pending")
    @PreAuthorize(Staff.ONLY)
    @Operation(summary = "Preview: what the next release would announce")
    public List<Release.Entry> pending(@PathVariable String editionId) {
        return releases.pending(editionId);
    }

    @GetMapping("/releases")
    public List<Release> list(@PathVariable String editionId) {
        return releases.list(editionId);
    }

    @GetMapping("/releases/{number}")
    public Release get(@PathVariable String editionId, @PathVariable int number) {
        return releases.list(editionId).stream().filter(r -> r.number() == number).findFirst()
                .orElseThrow(() -> ApiException.notFound("Release", editionId + "#" + number));
    }

    @GetMapping("/changelog")
    @Operation(summary = "What changed between two releases", description = "Releases after `from` up to and "
            + "including `to` (defaults: 0 = before the first release, and the latest), plus one line per session "
            + "with its events and the union of its changes.")
    public ReleaseService.Changelog changelog(@PathVariable String editionId,
            @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to) {
        return releases.changelog(editionId, from, to);
    }
}
