package io.eventsourcing.infrastructure;

import org.jspecify.annotations.Nullable;

/**
 * Which items of a sequence to read: optional lower and upper bounds on the position, an optional
 * limit, and the order. Immutable; build with {@link #all()} and the {@code with} methods, as in
 * {@code PositionRange.all().gt(3).limit(10).inDescendingOrder()}.
 *
 * @param gt only positions greater than this
 * @param gte only positions greater than or equal to this
 * @param lt only positions less than this
 * @param lte only positions less than or equal to this
 * @param limit at most this many items, counted in the order of reading
 * @param descending whether to read from the highest position down
 */
public record PositionRange(@Nullable Long gt, @Nullable Long gte, @Nullable Long lt, @Nullable Long lte,
                            @Nullable Integer limit, boolean descending) {

    private static final PositionRange ALL = new PositionRange(null, null, null, null, null, false);

    public PositionRange {
        if (gt != null && gte != null) {
            throw new IllegalArgumentException("Give gt or gte, not both (gt=" + gt + ", gte=" + gte + ")");
        }
        if (lt != null && lte != null) {
            throw new IllegalArgumentException("Give lt or lte, not both (lt=" + lt + ", lte=" + lte + ")");
        }
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /** Every item, in ascending order. */
    public static PositionRange all() {
        return ALL;
    }

    public PositionRange gt(long position) {
        return new PositionRange(position, gte, lt, lte, limit, descending);
    }

    public PositionRange gte(long position) {
        return new PositionRange(gt, position, lt, lte, limit, descending);
    }

    public PositionRange lt(long position) {
        return new PositionRange(gt, gte, position, lte, limit, descending);
    }

    public PositionRange lte(long position) {
        return new PositionRange(gt, gte, lt, position, limit, descending);
    }

    public PositionRange limit(int maxItems) {
        return new PositionRange(gt, gte, lt, lte, maxItems, descending);
    }

    public PositionRange inDescendingOrder() {
        return new PositionRange(gt, gte, lt, lte, limit, true);
    }
}
