package io.eventsourcing.quickstart;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The README's quick start, as an application. */
@SpringBootApplication
public class QuickStartApplication {
}
