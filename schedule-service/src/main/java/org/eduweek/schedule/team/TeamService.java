package org.eduweek.schedule.team;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import org.eduweek.platform.security.CurrentUser;
import org.eduweek.platform.teams.EditionGuard;
import org.eduweek.platform.teams.EditionTeam;
import org.eduweek.platform.teams.TeamMember;
import org.eduweek.schedule.domain.FieldProblem;
import org.eduweek.schedule.domain.NotFoundException;
import org.eduweek.schedule.domain.ScheduleRuleException;
import org.eduweek.schedule.store.Repositories;
import org.eduweek.schedule.store.TeamStore;

/**
 * Who is on an edition's team. ADMIN or a member may add and remove members; the last member may be removed only by
 * an ADMIN (an empty team leaves the edition to ADMINs). Adding someone already there with the same name and email,
 * or removing someone absent, changes nothing and publishes nothing.
 */
@Service
public class TeamService {

    static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@:|-]{0,127}");
    private static final int ATTEMPTS = 10;

    private final TeamStore store;
    private final EditionGuard guard;
    private final Repositories.Editions editions;
    private final Clock clock;

    public TeamService(TeamStore store, EditionGuard guard, Repositories.Editions editions, Clock clock) {
        this.store = store;
        this.guard = guard;
        this.editions = editions;
        this.clock = clock;
    }

    public EditionTeam team(String editionId) {
        requireEdition(editionId);
        return store.get(editionId);
    }

    public record MemberInput(String name, String email) {
    }

    public EditionTeam put(CurrentUser by, String editionId, String subject, MemberInput input) {
        requireEdition(editionId);
        guard.requireMayActOn(by, editionId);
        MemberInput in = input == null ? new MemberInput(null, null) : input;
        String name = in.name() == null ? null : in.name().strip();
        String email = in.email() == null ? null : in.email().strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (subject == null || !SUBJECT.matcher(subject).matches()) {
            problems.add(new FieldProblem("subject", "letters, digits and . _ @ : | - (max 128)"));
        }
        if (name == null || name.isEmpty()) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (name.length() > 200) {
            problems.add(new FieldProblem("name", "must be at most 200 characters"));
        }
        if (email != null && !email.isEmpty()
                && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+"))) {
            problems.add(new FieldProblem("email", "is not an email address"));
        }
        if (!problems.isEmpty()) {
            throw ScheduleRuleException.invalid(problems);
        }
        String mail = email == null || email.isEmpty() ? null : email;
        return change(editionId, team -> {
            Optional<TeamMember> there = team.members().stream().filter(m -> m.subject().equals(subject)).findFirst();
            if (there.isPresent() && Objects.equals(there.get().name(), name)
                    && Objects.equals(there.get().email(), mail)) {
                return null;
            }
            List<TeamMember> next = new ArrayList<>();
            Instant now = clock.instant();
            boolean replaced = false;
            for (TeamMember m : team.members()) {
                if (m.subject().equals(subject)) {
                    next.add(new TeamMember(subject, name, mail, m.addedBy(), m.addedAt()));
                    replaced = true;
                } else {
                    next.add(m);
                }
            }
            if (!replaced) {
                next.add(new TeamMember(subject, name, mail, by.id(), now));
            }
            return next;
        });
    }

    public EditionTeam remove(CurrentUser by, String editionId, String subject) {
        requireEdition(editionId);
        guard.requireMayActOn(by, editionId);
        return change(editionId, team -> {
            if (!team.has(subject)) {
                return null;
            }
            List<TeamMember> next = team.members().stream().filter(m -> !m.subject().equals(subject)).toList();
            if (next.isEmpty() && !by.hasRole(CurrentUser.ADMIN)) {
                throw new ScheduleRuleException(ScheduleRuleException.Kind.LAST_TEAM_MEMBER,
                        "Only an ADMIN may remove the last member of the team of edition " + editionId);
            }
            return next;
        });
    }

    /** The team of a new edition: its creator alone (whatever a deleted edition of that id had). */
    public EditionTeam startWith(String editionId, CurrentUser creator) {
        TeamMember first = new TeamMember(creator.id(), creator.name() == null ? creator.id() : creator.name(),
                creator.email(), creator.id(), clock.instant());
        return change(editionId, team -> List.of(first));
    }

    /** Names the seed edition's team when it has none yet (configuration, see the README). */
    public EditionTeam seed(String editionId, List<TeamMember> members) {
        return change(editionId, team -> team.members().isEmpty() && !members.isEmpty() ? members : null);
    }

    /** @param next the members after the change, or null for "nothing to change" */
    private EditionTeam change(String editionId, Function<EditionTeam, List<TeamMember>> next) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            EditionTeam team = store.get(editionId);
            List<TeamMember> members = next.apply(team);
            if (members == null) {
                return team;
            }
            Optional<EditionTeam> written = store.replace(team, members, clock.instant());
            if (written.isPresent()) {
                return written.get();
            }
        }
        throw new ScheduleRuleException(ScheduleRuleException.Kind.CONCURRENT_CHANGE,
                "The team of edition " + editionId + " kept changing; retry");
    }

    private void requireEdition(String editionId) {
        if (!editions.existsById(editionId)) {
            throw new NotFoundException("Edition", editionId);
        }
    }
}
