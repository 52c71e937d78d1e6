package org.eduweek.platform.teams;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import org.eduweek.platform.web.ApiException;

/** 403 {@code not-on-team}: an organizer acted on an edition whose team does not hold them (docs/CONTRACTS.md). */
public class NotOnTeamException extends ApiException {

    public static final String SLUG = "not-on-team";
    public static final String TITLE = "Not on this edition's team";

    public NotOnTeamException(String editionId) {
        super(HttpStatus.FORBIDDEN, SLUG, TITLE, "You are not on the team of edition " + editionId + ".", List.of(),
                Map.of("editionId", editionId));
    }
}
