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
 */
@ApplicationScoped
public class BeforeCommit {

    private final TransactionSynchronizationRegistry transactions;

    BeforeCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /**
     * Adds {@code item} to what the current transaction writes under {@code purpose}; the first item of a purpose
     * registers {@code writeAll}, which is given every item gathered, sorted, before the commit (not on rollback).
     */
    public <T extends Comparable<T>> void gather(String purpose, T item, Consumer<SortedSet<T>> writeAll) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Gathering for " + purpose + " needs an active transaction");
        }
        String key = BeforeCommit.class.getName() + "/" + purpose;
        @SuppressWarnings("unchecked")
        SortedSet<T> gathered = (SortedSet<T>) transactions.getResource(key);
        if (gathered == null) {
            SortedSet<T> items = new TreeSet<>();
            transactions.putResource(key, items);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        writeAll.accept(items);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    // Written before the commit, or rolled back with it.
                }
            });
            gathered = items;
        }
        gathered.add(item);
    }
}
