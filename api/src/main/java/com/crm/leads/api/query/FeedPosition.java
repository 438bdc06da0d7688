package com.crm.leads.api.query;

import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Where a reader of the change feed stands in the store's order of events: the highest global index it has taken,
 * and the lower ones it has not, because they were not committed when it read (a slower transaction may still
 * commit them). Resuming from it reads those as well as what comes after, so a late commit is never skipped.
 */
public record FeedPosition(long index, SortedSet<Long> gaps) {

    /** Before the first event. */
    public static final FeedPosition EARLIEST = new FeedPosition(-1, new TreeSet<>());

    public FeedPosition {
        gaps = new TreeSet<>(gaps);
        if (!gaps.isEmpty() && (gaps.first() < 0 || gaps.last() >= index)) {
            throw new IllegalArgumentException("a position's gaps lie below its index");
        }
    }
}
