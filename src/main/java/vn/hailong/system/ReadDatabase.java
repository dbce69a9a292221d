package vn.hailong.system;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Where reports, results and exports read: the read replica when one is configured
 * ({@code hailong.read-replica.url}), falling back to the primary for as long as the
 * replica gives no connection; otherwise the primary itself. What it reads may lag behind
 * the primary by the replica's replication delay; nothing may write through it.
 *
 * @param client the statements' client
 * @param transaction read-only work that needs one transaction (e.g. {@code set local})
 * @param replica whether a replica is configured
 */
public record ReadDatabase(DatabaseClient client, TransactionalOperator transaction, boolean replica) {
}
