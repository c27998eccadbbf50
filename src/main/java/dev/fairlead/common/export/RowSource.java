package dev.fairlead.common.export;

import java.util.function.Consumer;

/**
 * The rows of an export as they come from the database: the module's service runs its list query
 * (same scope and filters as the list) as a cursor inside a read-only transaction and hands each row
 * to {@code row}, at most {@code limit} of them, holding none.
 */
@FunctionalInterface
public interface RowSource<T> {

    void forEach(int limit, Consumer<? super T> row);
}
