package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.autoconfigure.browser.EventBrowserAutoConfiguration;
import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.function.RouterFunction;

/** When the event browser is served; what it serves is tested over HTTP, in a real browser, by the sample app. */
class EventBrowserAutoConfigurationTests {

    private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    EventSourcingAutoConfiguration.class, EventBrowserAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class);

    @Test
    void offByDefault() {
        contextRunner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RouterFunction.class));
    }

    @Test
    void servedWhenEnabled() {
        contextRunner.withPropertyValues("eventsourcing.browser.enabled=true").run(context ->
                assertThat(context).hasSingleBean(RouterFunction.class).hasBean("eventBrowserRoutes"));
    }

    @Test
    void notServedOutsideAWebApplication() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        EventSourcingAutoConfiguration.class, EventBrowserAutoConfiguration.class))
                .withUserConfiguration(SampleDomainConfiguration.class)
                .withPropertyValues("eventsourcing.browser.enabled=true")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RouterFunction.class));
    }

    @Test
    void aBadPathFailsTheStartupNamingTheProperty() {
        contextRunner.withPropertyValues("eventsourcing.browser.enabled=true", "eventsourcing.browser.path=/events/")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("Invalid property eventsourcing.browser.path: must be /"));
    }
}
