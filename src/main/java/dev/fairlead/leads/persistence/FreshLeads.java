package dev.fairlead.leads.persistence;

import dev.fairlead.leads.Lead;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The leads the current transaction inserted, as it last wrote them (decision 0211). No other
 * transaction can see, lock or change such a row before this one commits, so reading it back
 * ({@link LeadRepository#find}) or locking it ({@link LeadRepository#lock}) needs no statement.
 * Entries belong to the transaction's connection: a transaction started inside it
 * ({@code REQUIRES_NEW}, another connection) does not see them, and they are dropped when the
 * transaction ends. Every write to a lead row in {@link LeadRepository} either updates the entry as
 * the database does or forgets it.
 */
final class FreshLeads {

    private final DataSource dataSource;

    FreshLeads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The leads this transaction inserted; null outside a transaction. */
    private Map<Long, Lead> current(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive() || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return null;
        }
        Object connection = TransactionSynchronizationManager.getResource(dataSource);
        if (connection == null) {
            return null;
        }
        Store store = (Store) TransactionSynchronizationManager.getResource(this);
        if (store != null && store.connection == connection) {
            return store.leads;
        }
        if (!create) {
            return null;
        }
        if (store == null) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(FreshLeads.this);
                }
            });
        } else {
            TransactionSynchronizationManager.unbindResource(this);
        }
        store = new Store(connection, new HashMap<>());
        TransactionSynchronizationManager.bindResource(this, store);
        return store.leads;
    }

    /** Remembers a lead this transaction has just inserted, exactly as a read would return it now. */
    void put(Lead lead) {
        Map<Long, Lead> leads = current(true);
        if (leads != null) {
            leads.put(lead.id(), lead);
        }
    }

    Lead get(long id) {
        Map<Long, Lead> leads = current(false);
        return leads == null ? null : leads.get(id);
    }

    /** Applies to the remembered lead what a statement did to its row. */
    void update(long id, UnaryOperator<Lead> change) {
        Map<Long, Lead> leads = current(false);
        if (leads != null) {
            leads.computeIfPresent(id, (k, lead) -> change.apply(lead));
        }
    }

    /** A statement changed the row in a way not mirrored here: read it from the database again. */
    void forget(long id) {
        Map<Long, Lead> leads = current(false);
        if (leads != null) {
            leads.remove(id);
        }
    }

    void forgetAll() {
        Map<Long, Lead> leads = current(false);
        if (leads != null) {
            leads.clear();
        }
    }

    private record Store(Object connection, Map<Long, Lead> leads) {}
}
