package io.eventsourcing.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The seed's worked example as a web application. The starter wires the event store, the persistence
 * policy and a repository for each entity class in this package and below ({@code Example},
 * {@code ExampleAggregate}), and runs its projection; the application adds only its domain, use cases, the
 * projection's view and HTTP API.
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
