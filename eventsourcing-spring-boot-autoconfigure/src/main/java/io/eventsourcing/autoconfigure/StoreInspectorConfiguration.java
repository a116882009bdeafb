package io.eventsourcing.autoconfigure;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link StoreInspector} that the metrics and the Actuator endpoint and health indicator share; of the storage,
 * not of the event store, which needs the mapper, which the metrics wrap the cipher of.
 */
@Configuration(proxyBeanMethods = false)
class StoreInspectorConfiguration {

    @Bean
    @ConditionalOnMissingBean
    StoreInspector eventStoreInspector(ActiveRecordStrategy store, ObjectProvider<DataSource> dataSource) {
        return new StoreInspector(store, dataSource.getIfUnique());
    }
}
