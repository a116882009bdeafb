package io.eventsourcing.sample.web;

/**
 * The body of {@code POST /students}, if it has one: {@code {}}. A new student has nothing to say yet, so any field
 * is refused.
 */
public record RegisterStudentRequest() {
}
