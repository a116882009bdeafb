package io.eventsourcing.autoconfigure;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.EventTopic;
import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.ClassTopicResolver;
import io.eventsourcing.infrastructure.EventSequencing;
import io.eventsourcing.infrastructure.InvalidSettingException;
import io.eventsourcing.infrastructure.SequencedItemMapper;
import io.eventsourcing.infrastructure.TopicResolver;
import io.eventsourcing.infrastructure.codec.AESCipher;
import io.eventsourcing.infrastructure.codec.Cipher;
import io.eventsourcing.infrastructure.codec.Compressor;
import io.eventsourcing.infrastructure.codec.JacksonTranscoder;
import io.eventsourcing.infrastructure.codec.Transcoder;
import io.eventsourcing.infrastructure.codec.ZlibCompressor;
import io.eventsourcing.infrastructure.codec.ZstdCompressor;
import io.eventsourcing.infrastructure.shredding.SubjectKeys;
import io.eventsourcing.infrastructure.upcasting.Upcaster;
import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How events become stored items: topics, sequencing, and the stages of their data, each a bean: the transcoder
 * (JSON by the application's Jackson mapper), the data subjects' keys of crypto-shredding, the compressor
 * ({@code eventsourcing.compression}), the cipher; and
 * back, through the application's {@link Upcaster} beans.
 */
@Configuration(proxyBeanMethods = false)
class SequencedItemMapperConfiguration {

    private static final String CIPHER_KEY = "eventsourcing.cipher.key";
    private static final String COMPRESSION = "eventsourcing.compression";

    @Bean
    @ConditionalOnMissingBean(Cipher.class)
    @ConditionalOnProperty(CIPHER_KEY)
    AESCipher aesCipher(EventSourcingProperties properties) {
        EventSourcingProperties.Cipher cipher = properties.getCipher();
        try {
            return AESCipher.fromBase64(String.valueOf(cipher.getKey()), cipher.getPreviousKeys());
        } catch (IllegalArgumentException e) {
            // The message says which key is malformed and how, never its text. The cause is left out, so
            // that nothing a decoder might say of the text is printed either.
            String message = String.valueOf(e.getMessage());
            String property = message.startsWith("the current key") ? CIPHER_KEY : "eventsourcing.cipher.previous-keys";
            throw new ConfigurationException(property, message, null);
        }
    }

    /** Knows the topics of the application's event classes annotated {@link EventTopic} before any is stored. */
    @Bean
    @ConditionalOnMissingBean(TopicResolver.class)
    ClassTopicResolver classTopicResolver(BeanFactory beanFactory, Environment environment,
                                          ResourceLoader resourceLoader) {
        List<Class<? extends DomainEvent>> eventClasses = ApplicationPackages
                .scan(beanFactory, environment, resourceLoader, new AnnotationTypeFilter(EventTopic.class))
                .stream()
                .filter(DomainEvent.class::isAssignableFrom)
                .<Class<? extends DomainEvent>>map(type -> type.asSubclass(DomainEvent.class))
                .toList();
        return new ClassTopicResolver(eventClasses);
    }

    /** JSON by a copy of the application's Jackson mapper, without the attributes that the item's columns hold. */
    @Bean
    @ConditionalOnMissingBean
    Transcoder eventTranscoder(EventSourcingProperties properties, ObjectProvider<JsonMapper> jsonMapper) {
        return new JacksonTranscoder(eventJsonMapper(jsonMapper), eventSequencing(properties));
    }

    /** Without a cipher, the store must hold no encrypted events. */
    @Bean
    @ConditionalOnMissingBean(Cipher.class)
    EncryptedEventsCheck encryptedEventsCheck(ActiveRecordStrategy activeRecordStrategy) {
        return new EncryptedEventsCheck(activeRecordStrategy);
    }

    @Bean
    @ConditionalOnMissingBean(Compressor.class)
    @ConditionalOnProperty(name = COMPRESSION, havingValue = "zlib")
    ZlibCompressor zlibCompressor() {
        return new ZlibCompressor();
    }

    @Bean
    @ConditionalOnMissingBean(Compressor.class)
    @ConditionalOnProperty(name = COMPRESSION, havingValue = "zstd")
    Compressor zstdCompressor(ResourceLoader resourceLoader) {
        if (!ClassUtils.isPresent("com.github.luben.zstd.ZstdCompressCtx", resourceLoader.getClassLoader())) {
            throw new ConfigurationException(COMPRESSION, "zstd needs com.github.luben:zstd-jni on the class path", null);
        }
        try {
            return new ZstdCompressor();
        } catch (IllegalStateException e) {
            throw new ConfigurationException(COMPRESSION, String.valueOf(e.getMessage()), e);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    SequencedItemMapper sequencedItemMapper(EventSourcingProperties properties, TopicResolver topicResolver,
                                            Transcoder transcoder, ObjectProvider<Compressor> compressor,
                                            ObjectProvider<Cipher> cipher, ObjectProvider<SubjectKeys> subjectKeys,
                                            ObjectProvider<Upcaster> upcasters,
                                            ObjectProvider<SequencedItemMapperCustomizer> customizers) {
        SequencedItemMapper.Builder builder = SequencedItemMapper.builder()
                .sequencing(eventSequencing(properties))
                .transcoder(transcoder)
                .topicResolver(topicResolver)
                .compressor(compressor.getIfAvailable())
                .cipher(cipher.getIfAvailable())
                .alwaysEncrypt(properties.getCipher().isAlwaysEncrypt())
                .subjectKeys(subjectKeys.getIfAvailable())
                .maxEventSize(maxEventSize(properties))
                .upcasters(upcasters.orderedStream().toList());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /**
     * A copy of the application's mapper, so that its modules and settings apply to events, that writes
     * compact JSON whatever the application's web layer does. The application's own mapper is left as it is.
     */
    static JsonMapper eventJsonMapper(ObjectProvider<JsonMapper> applicationMapper) {
        return applicationMapper.getIfAvailable(JsonMapper::shared).rebuild().disable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    private static int maxEventSize(EventSourcingProperties properties) {
        long bytes = properties.getMaxEventSize().toBytes();
        if (bytes < 1 || bytes > Compressor.MAX_DECOMPRESSED_SIZE) {
            throw new ConfigurationException("eventsourcing.max-event-size", "must be from 1B to 256MB, was "
                    + properties.getMaxEventSize(), null);
        }
        return (int) bytes;
    }

    private static EventSequencing eventSequencing(EventSourcingProperties properties) {
        EventSourcingProperties.Sequencing sequencing = properties.getSequencing();
        try {
            return new EventSequencing(sequencing.getSequenceIdAttribute(), sequencing.getPositionAttribute());
        } catch (InvalidSettingException e) {
            throw ConfigurationException.ofSetting("eventsourcing.sequencing", e);
        }
    }
}
