package org.xtaserver.tenant;

/**
 * How long messages are kept.
 *
 * @param closedMessageDays days a message is kept after the reader closed (acknowledged) it,
 *     1..3650, default {@value #DEFAULT_CLOSED_MESSAGE_DAYS}
 */
public record Retention(int closedMessageDays) {

    public static final int DEFAULT_CLOSED_MESSAGE_DAYS = 30;
    public static final Retention DEFAULT = new Retention(DEFAULT_CLOSED_MESSAGE_DAYS);

    public Retention {
        // The upper bound catches typos (e.g. a date pasted as a number) rather than policy.
        if (closedMessageDays < 1 || closedMessageDays > 3650) {
            throw new TenantConfigException("closedMessageDays", "must be between 1 and 3650, was "
                    + closedMessageDays);
        }
    }
}
