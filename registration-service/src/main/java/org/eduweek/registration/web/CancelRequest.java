package org.eduweek.registration.web;

import jakarta.validation.constraints.Size;

/** Optional free-text reason, kept on the registration and in RegistrationCancelled. */
public record CancelRequest(@Size(max = 500) String reason) {
}
