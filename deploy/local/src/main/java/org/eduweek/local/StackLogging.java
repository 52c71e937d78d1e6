package org.eduweek.local;

import java.nio.file.Path;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import org.slf4j.LoggerFactory;

/** Sends the in-process stack's logs (Kafka is chatty) to {@code <data>/logs/stack.log}, keeping the console for the launcher. */
final class StackLogging {

    private StackLogging() {
    }

    static void toFile(Path file) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.reset();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("stack");
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        // Per-request chatter of the broker's own clients and coordinators is noise in a dev log.
        context.getLogger("org.apache.kafka.clients").setLevel(Level.WARN);
        context.getLogger("kafka.server.KafkaConfig").setLevel(Level.WARN);
        context.getLogger("org.apache.kafka.common.config.AbstractConfig").setLevel(Level.WARN);
    }
}
