package io.eventsourcing.infrastructure.codec;

import io.eventsourcing.domain.DomainEvent;
import java.lang.reflect.Constructor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.SettableBeanProperty;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.bean.PropertyValueBuffer;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.module.SimpleModule;

/**
 * Has Jackson create events that are records by a plain reflective call of their constructor, where Jackson 3 spreads
 * the arguments through a method handle on every call, which costs about a fifth of reading a small event. A call
 * that fails is made again by Jackson's own instantiator, so that its errors read as Jackson's. Only records that
 * Jackson creates through a constructor, and whose constructor this module may call, are affected.
 */
final class RecordConstructorCalls extends ValueInstantiators.Base {

    /** A module that adds these calls to a mapper. */
    static JacksonModule module() {
        return new SimpleModule("eventsourcing-record-constructors") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.addValueInstantiators(new RecordConstructorCalls());
            }
        };
    }

    @Override
    public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier beanDesc,
                                                     ValueInstantiator defaultInstantiator) {
        return direct(defaultInstantiator);
    }

    private static ValueInstantiator direct(ValueInstantiator instantiator) {
        if (instantiator instanceof StdValueInstantiator standard && standard.canCreateFromObjectWith()
                && standard.getWithArgsCreator() instanceof AnnotatedConstructor creator
                && creator.getDeclaringClass().isRecord()
                && DomainEvent.class.isAssignableFrom(creator.getDeclaringClass())
                && creator.getAnnotated().trySetAccessible()) {
            return new Direct(standard, creator.getAnnotated());
        }
        return instantiator;
    }

    /** Jackson's instantiator of a record, its constructor called directly. */
    private static final class Direct extends ValueInstantiator.Delegating {

        private final Constructor<?> constructor;

        Direct(ValueInstantiator delegate, Constructor<?> constructor) {
            super(delegate);
            this.constructor = constructor;
        }

        @Override
        public ValueInstantiator createContextual(DeserializationContext context, BeanDescription.Supplier beanDesc) {
            ValueInstantiator contextual = delegate().createContextual(context, beanDesc);
            return contextual == delegate() ? this : direct(contextual);
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
            try {
                return constructor.newInstance(arguments);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return delegate().createFromObjectWith(context, arguments);
            }
        }

        @Override
        public Object createFromObjectWith(DeserializationContext context, SettableBeanProperty[] properties,
                                           PropertyValueBuffer buffer) throws JacksonException {
            return createFromObjectWith(context, buffer.getParameters(context, properties));
        }
    }
}
