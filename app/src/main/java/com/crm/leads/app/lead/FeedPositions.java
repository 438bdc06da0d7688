package com.crm.leads.app.lead;

import com.crm.leads.api.query.FeedPosition;
import com.crm.leads.app.web.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A feed position as clients keep it: an opaque text, URL-safe, that they send back and never compute. It spells
 * the index and the gaps below it; anything that does not read back as one is refused, never guessed at.
 */
final class FeedPositions {

    /** The position before the first event, as a client asks for it. */
    static final String EARLIEST = "earliest";

    /** As many gaps as Axon keeps below an index (its largest gap offset): more is no position it wrote. */
    private static final int MOST_GAPS = 10_000;
    private static final String SEPARATOR = "~";

    private FeedPositions() {
    }

    static String write(FeedPosition position) {
        String spelled = position.index() + position.gaps().stream().map(gap -> SEPARATOR + gap)
                .collect(Collectors.joining());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(spelled.getBytes(StandardCharsets.US_ASCII));
    }

    /** The position {@code written} names under the parameter {@code name}; null when absent (from now on). */
    static FeedPosition read(String name, String written) {
        if (written == null) {
            return null;
        }
        if (written.equals(EARLIEST)) {
            return FeedPosition.EARLIEST;
        }
        try {
            List<Long> numbers = Arrays.stream(new String(Base64.getUrlDecoder().decode(written),
                    StandardCharsets.US_ASCII).split(SEPARATOR, -1)).map(Long::parseLong).toList();
            if (numbers.size() - 1 <= MOST_GAPS && numbers.get(0) >= -1) {
                return new FeedPosition(numbers.get(0), new TreeSet<>(numbers.subList(1, numbers.size())));
            }
        } catch (IllegalArgumentException unreadable) {
            // refused below, as any other text that is not a position this service wrote
        }
        throw ApiException.invalidParameter(name, name + " is not a position the change feed gave");
    }
}
