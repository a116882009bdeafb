package io.eventsourcing.infrastructure.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A session whose lightweight transactions that insert items answer late: each is run, then held for a while
 * before its result is given back, as if the reply had been slow to come, or before the driver gives up on it.
 */
final class SlowTransactions {

    private final CqlSession session;
    private final AtomicInteger inserts = new AtomicInteger();

    /** Transactions that are applied, and say so after the delay. */
    static SlowTransactions answeringLate(CqlSession delegate, Duration delay) {
        return new SlowTransactions(delegate, delay, false);
    }

    /** Transactions that are applied, but time out on the driver's side after the delay. */
    static SlowTransactions timingOut(CqlSession delegate, Duration delay) {
        return new SlowTransactions(delegate, delay, true);
    }

    private SlowTransactions(CqlSession delegate, Duration delay, boolean timeOut) {
        session = (CqlSession) Proxy.newProxyInstance(CqlSession.class.getClassLoader(),
                new Class<?>[] { CqlSession.class }, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("execute") && args.length == 1 && insertsItems(args[0])) {
                        inserts.incrementAndGet();
                        TimeUnit.MILLISECONDS.sleep(delay.toMillis());
                        if (timeOut) {
                            throw new DriverTimeoutException("Query timed out after " + delay);
                        }
                    }
                    return result;
                });
    }

    /** The session. */
    CqlSession session() {
        return session;
    }

    /** How many lightweight transactions inserting items it ran. */
    int inserts() {
        return inserts.get();
    }

    private static boolean insertsItems(Object statement) {
        BatchableStatement<?> first = statement instanceof BatchStatement batch ? batch.iterator().next()
                : statement instanceof BoundStatement bound ? bound : null;
        return first instanceof BoundStatement bound
                && bound.getPreparedStatement().getQuery().endsWith("IF NOT EXISTS");
    }
}
