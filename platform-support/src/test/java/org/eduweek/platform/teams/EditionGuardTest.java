package org.eduweek.platform.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import org.eduweek.platform.security.CurrentUser;
import org.eduweek.platform.web.ApiException;
import org.eduweek.platform.web.ProblemDetailsHandler;

import tools.jackson.databind.json.JsonMapper;

class EditionGuardTest {

    private final Map<String, EditionTeam> stored = new HashMap<>();
    private final EditionGuard guard = new EditionGuard(id -> Optional.ofNullable(stored.get(id)));

    private static CurrentUser user(String id, String... roles) {
        return new CurrentUser(id, id, id + "@example.org", null, "en", Set.of(roles));
    }

    private static final CurrentUser ALICE = user("alice", CurrentUser.ORGANIZER);
    private static final CurrentUser BOB = user("bob", CurrentUser.ORGANIZER);
    private static final CurrentUser ROOT = user("root", CurrentUser.ADMIN);
    private static final CurrentUser PAT = user("pat", CurrentUser.PARTICIPANT);

    private void team(String editionId, String... subjects) {
        stored.put(editionId, new EditionTeam(editionId, 1, java.util.Arrays.stream(subjects)
                .map(s -> new TeamMember(s, s, null, "root", Instant.EPOCH)).toList(), Instant.EPOCH));
    }

    @Test
    void aMemberMayActAndAnOrganizerOfAnotherEditionMayNot() {
        team("ed-a", "alice");
        team("ed-b", "bob");
        assertThat(guard.mayActOn(ALICE, "ed-a")).isTrue();
        assertThat(guard.mayActOn(BOB, "ed-a")).isFalse();
        assertThat(guard.mayActOn(BOB, "ed-b")).isTrue();
    }

    @Test
    void adminAlwaysPassesEvenOnAnEmptyOrUnknownTeam() {
        team("ed-empty");
        assertThat(guard.mayActOn(ROOT, "ed-empty")).isTrue();
        assertThat(guard.mayActOn(ROOT, "ed-unknown")).isTrue();
        assertThat(guard.mayActOn(ROOT, null)).isTrue();
    }

    @Test
    void anEmptyOrUnknownTeamIsForAdminsOnly() {
        team("ed-empty");
        assertThat(guard.mayActOn(ALICE, "ed-empty")).isFalse();
        assertThat(guard.mayActOn(ALICE, "ed-never-heard-of")).isFalse();
    }

    @Test
    void withoutAnEditionEveryOrganizerMayActButNotAParticipant() {
        assertThat(guard.mayActOn(ALICE, null)).isTrue();
        assertThat(guard.mayActOn(ALICE, " ")).isTrue();
        assertThat(guard.mayActOn(PAT, null)).isFalse();
        team("ed-a", "pat");
        assertThat(guard.mayActOn(PAT, "ed-a")).as("membership does not make a participant an organizer")
                .isFalse();
        assertThat(guard.mayActOn(null, null)).isFalse();
    }

    @Test
    void refusalIsNotOnTeamNamingTheEdition() {
        team("ed-a", "alice");
        assertThatThrownBy(() -> guard.requireMayActOn(BOB, "ed-a")).isInstanceOfSatisfying(
                NotOnTeamException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(403);
                    assertThat(e.slug()).isEqualTo("not-on-team");
                    assertThat(e.properties()).containsEntry("editionId", "ed-a");
                    assertThat(e.getMessage()).isEqualTo("You are not on the team of edition ed-a.");
                });
        assertThatThrownBy(() -> guard.requireMayActOn(PAT, null)).isInstanceOf(ApiException.class)
                .isNotInstanceOf(NotOnTeamException.class);
    }

    @RestController
    static class EditionThing {
        final EditionGuard guard;

        EditionThing(EditionGuard guard) {
            this.guard = guard;
        }

        @GetMapping("/editions/{id}")
        String act(@PathVariable String id) {
            guard.requireMayActOn(BOB, id);
            return "ok";
        }
    }

    @Test
    void theProblemBodyIsInTheCallersLanguageAndCarriesTheEditionId() throws Exception {
        team("ed-a", "alice");
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new EditionThing(guard))
                .setControllerAdvice(new ProblemDetailsHandler()).build();
        JsonMapper json = JsonMapper.builder().build();

        MockHttpServletResponse en = mvc.perform(MockMvcRequestBuilders.get("/editions/ed-a")).andReturn()
                .getResponse();
        assertThat(en.getStatus()).isEqualTo(403);
        Map<String, Object> body = json.readValue(en.getContentAsString(StandardCharsets.UTF_8), new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(body).containsEntry("type", "https://eduweek.org/problems/not-on-team")
                .containsEntry("title", "Not on this edition's team")
                .containsEntry("detail", "You are not on the team of edition ed-a.")
                .containsEntry("editionId", "ed-a").containsEntry("errors", List.of());

        MockHttpServletResponse zh = mvc.perform(MockMvcRequestBuilders.get("/editions/ed-a")
                .header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN")).andReturn().getResponse();
        assertThat(zh.getStatus()).isEqualTo(403);
        Map<String, Object> zhBody = json.readValue(zh.getContentAsString(StandardCharsets.UTF_8), new tools.jackson.core.type.TypeReference<Map<String, Object>>() { });
        assertThat(zhBody).containsEntry("type", "https://eduweek.org/problems/not-on-team")
                .containsEntry("title", "您不在本届活动的组织团队中")
                .containsEntry("detail", "您不在届次 ed-a 的组织团队中。").containsEntry("editionId", "ed-a");
    }
}
