package io.eventsourcing.autoconfigure.sample;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/** Makes this package the application's package, as a {@code @SpringBootApplication} in it would. */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class SampleDomainConfiguration {
}
