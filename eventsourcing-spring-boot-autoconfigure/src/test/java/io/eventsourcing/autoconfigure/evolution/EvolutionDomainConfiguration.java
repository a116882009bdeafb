package io.eventsourcing.autoconfigure.evolution;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** Makes this package, with its entity of a second schema version, the application's package. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class EvolutionDomainConfiguration {
}
