package io.eventsourcing.autoconfigure;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.util.ClassUtils;

/** Finds classes in the application's packages: those of its {@code @SpringBootApplication}. */
final class ApplicationPackages {

    private ApplicationPackages() {
    }

    /**
     * The concrete, independent classes of the application's packages that match any of the filters;
     * none when the application registered no packages.
     */
    static List<Class<?>> scan(BeanFactory beanFactory, Environment environment, ResourceLoader resourceLoader,
                               TypeFilter... filters) {
        if (!AutoConfigurationPackages.has(beanFactory)) {
            return List.of();
        }
        ClassPathScanningCandidateComponentProvider scanner =
                new ClassPathScanningCandidateComponentProvider(false, environment);
        scanner.setResourceLoader(resourceLoader);
        Arrays.stream(filters).forEach(scanner::addIncludeFilter);
        return AutoConfigurationPackages.get(beanFactory).stream()
                .flatMap(basePackage -> scanner.findCandidateComponents(basePackage).stream())
                .<Class<?>>map(candidate -> ClassUtils.resolveClassName(String.valueOf(candidate.getBeanClassName()),
                        resourceLoader.getClassLoader()))
                .distinct()
                .toList();
    }
}
