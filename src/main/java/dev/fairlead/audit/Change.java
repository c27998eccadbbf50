package dev.fairlead.audit;

/**
 * A change to record. {@code before} and {@code after} are snapshots (records or maps) written as
 * JSON; {@code teamId}/{@code repId} place the entry in the organisation so audit reads follow the
 * same data scope as the records they describe.
 */
public record Change(
        String action,
        String entityType,
        String entityId,
        Long teamId,
        Long repId,
        Object before,
        Object after,
        String reason) {

    public static Change created(String entityType, Object id, Long teamId, Long repId, Object after) {
        return new Change("CREATE", entityType, String.valueOf(id), teamId, repId, null, after, null);
    }

    public static Change updated(String entityType, Object id, Long teamId, Long repId, Object before, Object after) {
        return new Change("UPDATE", entityType, String.valueOf(id), teamId, repId, before, after, null);
    }

    public Change because(String why) {
        return new Change(action, entityType, entityId, teamId, repId, before, after, why);
    }

    public Change as(String otherAction) {
        return new Change(otherAction, entityType, entityId, teamId, repId, before, after, reason);
    }
}
