package dev.attest.common.crypto;

import java.util.List;
import java.util.function.Function;

/**
 * A column in which a service stores secrets sealed by {@link SecretCipher}, described so that
 * {@link MasterKeyRotation} can re-seal it under the active master key. A service produces one bean per
 * column.
 *
 * @param table the table
 * @param keyColumn a column that identifies a row (its primary key)
 * @param column the column holding the sealed text (null where no secret is stored)
 * @param contextColumns the columns the row's seal context is made from, in the order {@code context} takes them
 * @param context the seal context of a row from the text of its {@code contextColumns}: the very function the
 *     service seals with, so that rotation cannot drift from it
 */
public record SealedColumn(
        String table,
        String keyColumn,
        String column,
        List<String> contextColumns,
        Function<List<String>, String> context) {

    /** For the logs and metrics: {@code table.column}. */
    public String name() {
        return table + "." + column;
    }
}
