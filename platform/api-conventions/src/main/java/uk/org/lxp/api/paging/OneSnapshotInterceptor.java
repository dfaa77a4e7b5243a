package uk.org.lxp.api.paging;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

/** Runs a {@link OneSnapshot} method in a new transaction at REPEATABLE READ, read only (PostgreSQL's snapshot). */
@OneSnapshot
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
class OneSnapshotInterceptor {

    /** Looked up, not injected: an application of these libraries without a persistence unit has no list to read. */
    private final Instance<EntityManager> entities;

    OneSnapshotInterceptor(Instance<EntityManager> entities) {
        this.entities = entities;
    }

    @AroundInvoke
    Object inOneSnapshot(InvocationContext invocation) throws Exception {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                // Must be the transaction's first statement: the snapshot is taken at the next one.
                entities.get().createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").executeUpdate();
                return invocation.proceed();
            });
        } catch (QuarkusTransactionException wrapped) {
            throw wrapped.getCause() instanceof Exception cause ? cause : wrapped;
        }
    }
}
