package org.eduweek.notification.domain;

public enum Channel {
    EMAIL, SMS
}
