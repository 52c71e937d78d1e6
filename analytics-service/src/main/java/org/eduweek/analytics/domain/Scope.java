package org.eduweek.analytics.domain;

/** The levels figures are computed at: one session, or all sessions of an activity, a track or an edition. */
public enum Scope {
    SESSION, ACTIVITY, TRACK, EDITION
}
