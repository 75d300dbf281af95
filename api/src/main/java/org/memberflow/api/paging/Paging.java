package org.memberflow.api.paging;

/** The bounds of {@code page} and {@code size} on every paged list of the API. */
public final class Paging {
    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_PAGE = 100_000;

    private Paging() {
    }
}
