package org.memberflow.api.paging;

import java.util.List;
import org.memberflow.api.problem.InvalidParameterException;

/** One page of a list: its items, which page, its size, and how many items there are in all. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** Checks {@code page} and {@code size} (a 400 naming the parameter when out of range). */
    public static void check(int page, int size) {
        if (page < 0 || page > Paging.MAX_PAGE) {
            throw new InvalidParameterException("page",
                    "must be between 0 and " + Paging.MAX_PAGE);
        }
        if (size < 1 || size > Paging.MAX_PAGE_SIZE) {
            throw new InvalidParameterException("size",
                    "must be between 1 and " + Paging.MAX_PAGE_SIZE);
        }
    }
}
