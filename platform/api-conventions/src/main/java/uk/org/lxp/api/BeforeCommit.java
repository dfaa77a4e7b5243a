package uk.org.lxp.api;

import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Gathers what a transaction's changes ask to be written once, and writes it just before the transaction commits:
 * a mark that many changes in one transaction would each upsert (the same row locked from the first change to the
 * commit, holding up every other transaction that marks it) is written once, in a consistent order, and locked
 * only while the transaction commits.
 * <p>
 * The writing runs after Hibernate has flushed the transaction's entities, so it may only run statements (a native
 * query on a session the transaction has already joined, or JDBC): a change to an entity there would never be
 * written. If it throws, the transaction rolls back.
 */
@ApplicationScoped
public class BeforeCommit {

    private final TransactionSynchronizationRegistry transactions;

    BeforeCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /**
     * Adds {@code item} to what the current transaction writes under {@code purpose}; the first item of a purpose
     * registers {@code writeAll}, which is given every item gathered, sorted, before the commit (not on rollback: in
     * a transaction already marked for rollback nothing is gathered). {@code writeAll} must not gather in turn, nor
     * record outbox events, which gather the relay's wake-up: a purpose already written refuses more items.
     */
    public <T extends Comparable<T>> void gather(String purpose, T item, Consumer<SortedSet<T>> writeAll) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_MARKED_ROLLBACK) {
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Gathering for " + purpose + " needs an active transaction");
        }
        String key = BeforeCommit.class.getName() + "/" + purpose;
        @SuppressWarnings("unchecked")
        Gathered<T> gathered = (Gathered<T>) transactions.getResource(key);
        if (gathered == null) {
            gathered = new Gathered<>(purpose, writeAll);
            transactions.putResource(key, gathered);
            transactions.registerInterposedSynchronization(gathered);
        }
        gathered.add(item);
    }

    /** One purpose's items in one transaction, written once. */
    private final class Gathered<T extends Comparable<T>> implements Synchronization {

        private final String purpose;
        private final Consumer<SortedSet<T>> writeAll;
        private final SortedSet<T> items = new TreeSet<>();
        private boolean written;

        Gathered(String purpose, Consumer<SortedSet<T>> writeAll) {
            this.purpose = purpose;
            this.writeAll = writeAll;
        }

        void add(T item) {
            if (written) {
                throw new IllegalStateException("Gathering for " + purpose + " after it was written in this transaction");
            }
            items.add(item);
        }

        @Override
        public void beforeCompletion() {
            if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                written = true;
                writeAll.accept(items);
            }
        }

        @Override
        public void afterCompletion(int status) {
            // Written before the commit, or rolled back with it.
        }
    }
}
