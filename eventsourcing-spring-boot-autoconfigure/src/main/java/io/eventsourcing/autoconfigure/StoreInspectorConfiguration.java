package io.eventsourcing.autoconfigure;

import io.eventsourcing.infrastructure.EventStore;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link StoreInspector} that the metrics and the Actuator endpoint and health indicator share. */
@Configuration(proxyBeanMethods = false)
class StoreInspectorConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StoreInspector eventStoreInspector(EventStore eventStore, ObjectProvider<DataSource> dataSource) {
        return new StoreInspector(eventStore.getActiveRecordStrategy(), dataSource.getIfUnique());
    }
}
