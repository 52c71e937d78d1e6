package org.eduweek.schedule.domain;

/**
 * How the edition's report counts an activity (the 2020 figures: presentation sessions of student programmes,
 * cultural activities, teacher training courses, forums). Separate from {@link ActivityType} because a salon and a
 * lecture both count as cultural activities.
 */
public enum ActivityCategory {
    PROGRAMME_PRESENTATION, CULTURAL, TEACHER_TRAINING, FORUM, OTHER
}
