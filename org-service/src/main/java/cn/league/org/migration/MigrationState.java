package cn.league.org.migration;

import cn.league.contracts.org.OrgEvents.MigrationApprover;

/** Where a migration stands (R-ORG-7): waiting for the old parent, then the new parent; or closed. */
public enum MigrationState {
    AWAITING_OLD_PARENT, AWAITING_NEW_PARENT, MOVED, REJECTED, WITHDRAWN;

    public boolean isOpen() {
        return this == AWAITING_OLD_PARENT || this == AWAITING_NEW_PARENT;
    }

    /** Whose decision the migration waits for, or null when closed. */
    public MigrationApprover awaiting() {
        return switch (this) {
            case AWAITING_OLD_PARENT -> MigrationApprover.OLD_PARENT;
            case AWAITING_NEW_PARENT -> MigrationApprover.NEW_PARENT;
            default -> null;
        };
    }
}
