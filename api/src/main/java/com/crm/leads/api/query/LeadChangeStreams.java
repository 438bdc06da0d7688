package com.crm.leads.api.query;

import com.crm.leads.api.LeadAccess;

import java.util.List;
import java.util.Optional;

/**
 * Open streams of the change feed: each gets, as they are committed, the changes after its position that its filter
 * asks for and its access opens. The reading is shared: streams at the same position cost one read of the store.
 */
public interface LeadChangeStreams {

    /**
     * Opens a stream after {@code after} (null: from now on); empty when the filter names a lead that does not
     * exist, or is not open to {@code access}.
     */
    Optional<Stream> open(FeedPosition after, ChangeFilter filter, LeadAccess access, Listener listener);

    /** How many streams are open now. */
    int openStreams();

    /** Where an open stream's changes go. */
    interface Listener {

        /**
         * Takes the changes read for the stream, possibly none, and the position past them; answers false when it
         * can take no more (its client fell behind), which ends the stream. Called from the feed's reading thread:
         * it must not wait on its client.
         */
        boolean take(List<LeadChange> changes, FeedPosition position);
    }

    /** An open stream. */
    interface Stream extends AutoCloseable {

        /** Ends the stream; its listener is called no more. */
        @Override
        void close();
    }
}
