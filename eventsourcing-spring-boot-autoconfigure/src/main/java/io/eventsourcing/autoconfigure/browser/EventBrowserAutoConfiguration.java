package io.eventsourcing.autoconfigure.browser;

import io.eventsourcing.autoconfigure.ConfigurationException;
import io.eventsourcing.autoconfigure.EventSourcingAutoConfiguration;
import io.eventsourcing.autoconfigure.EventSourcingProperties;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.projection.Projections;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event browser, a read-only web page of the store's events, when {@code eventsourcing.browser.enabled} is true
 * in a servlet web application: served at {@code eventsourcing.browser.path} by Spring MVC, so that Spring
 * Security's rules, when the application has them, guard it like any other path.
 */
@AutoConfiguration(after = EventSourcingAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBooleanProperty("eventsourcing.browser.enabled")
@ConditionalOnBean(EventStore.class)
public final class EventBrowserAutoConfiguration {

    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    @Bean
    @ConditionalOnMissingBean(name = "eventBrowserRoutes")
    RouterFunction<ServerResponse> eventBrowserRoutes(EventStore eventStore, ObjectProvider<Projections> projections,
                                                      ObjectProvider<JsonMapper> jsonMapper,
                                                      EventSourcingProperties properties) {
        EventBrowser browser = new EventBrowser(eventStore, projections.getIfAvailable(),
                jsonMapper.getIfAvailable(JsonMapper::shared));
        return new EventBrowserRoutes(browser, path(properties.getBrowser().getPath())).routes();
    }

    private static String path(String path) {
        if (!PATH.matcher(path).matches()) {
            throw new ConfigurationException("eventsourcing.browser.path", "must be / and path segments of letters,"
                    + " digits, '.', '_', '~' or '-', without a trailing /, such as /eventsourcing; was '" + path + "'",
                    null);
        }
        return path;
    }
}
