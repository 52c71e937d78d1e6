package org.eduweek.schedule.web;

import org.eduweek.platform.security.CurrentUser;

final class Staff {

    static final String ONLY = "hasAnyRole('ORGANIZER','ADMIN')";

    private Staff() {
    }

    /** Public GETs take an optional token; organizers and admins then also see drafts. */
    static boolean isCaller() {
        return CurrentUser.current().map(CurrentUser::isStaff).orElse(false);
    }
}
