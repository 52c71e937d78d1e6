package org.eduweek.local.stack;

/** The stack's loopback ports (docs/CONTRACTS.md: 8090, 9092, 9093, 27017, 2525 by default). */
public record StackPorts(int http, int kafka, int kafkaController, int mongo, int smtp) {
}
