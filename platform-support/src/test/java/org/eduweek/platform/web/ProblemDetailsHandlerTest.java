package org.eduweek.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

class ProblemDetailsHandlerTest {

    record Thing(@NotBlank String name, @Min(1) int seats) {
    }

    @RestController
    static class ThingController {
        @PostMapping("/things")
        Thing create(@Valid @RequestBody Thing thing) {
            return thing;
        }

        @GetMapping("/things/{id}")
        Thing one(@PathVariable String id) {
            throw ApiException.notFound("Thing", id);
        }

        @GetMapping("/full")
        Thing full() {
            throw new SoldOutException();
        }

        @GetMapping("/boom")
        Thing boom() {
            throw new IllegalStateException("secret internals");
        }
    }

    /** A domain exception that knows nothing of HTTP. */
    static class SoldOutException extends RuntimeException {
        SoldOutException() {
            super("No seats left");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new ThingController())
            .setControllerAdvice(new ProblemDetailsHandler()).build();

    @Test
    void malformedJsonIsABadRequestProblem() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://eduweek.org/problems/malformed-request"))
                .andExpect(jsonPath("$.errors").isArray());
    }

    @Test
    void objectWhereANumberBelongsNamesTheField() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"x\",\"seats\":{\"$gt\":1}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("seats"));
    }

    @Test
    void validationFailuresListEveryField() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"seats\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://eduweek.org/problems/validation"))
                .andExpect(jsonPath("$.errors.length()").value(2));
    }

    @Test
    void unknownIdIsNotFoundProblem() throws Exception {
        mvc.perform(get("/things/42"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("Thing '42' does not exist"))
                .andExpect(jsonPath("$.errors").isEmpty());
    }

    @Test
    void unexpectedFailureHidesInternals() throws Exception {
        mvc.perform(get("/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value(
                        "Something went wrong on our side; nothing was changed by this request"));
    }

    @Test
    void aTranslatorTurnsADomainExceptionIntoItsProblem() throws Exception {
        ApiExceptionTranslator soldOut = e -> e instanceof SoldOutException
                ? ApiException.conflict(e.getMessage(), java.util.List.of()) : null;
        ObjectProvider<ApiExceptionTranslator> translators = new StaticListableBeanFactory(
                java.util.Map.of("soldOut", soldOut)).getBeanProvider(ApiExceptionTranslator.class);
        MockMvc translating = MockMvcBuilders.standaloneSetup(new ThingController())
                .setControllerAdvice(new ProblemDetailsHandler(translators)).build();
        translating.perform(get("/full"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://eduweek.org/problems/conflict"))
                .andExpect(jsonPath("$.detail").value("No seats left"));
        translating.perform(get("/boom")).andExpect(status().isInternalServerError());
    }
}
