package org.memberflow.api.console;

import jakarta.servlet.http.HttpServletRequest;

/** Requests made by htmx, which swap a fragment into the page rather than load a whole one. */
final class Htmx {
    private Htmx() {
    }

    static boolean isRequest(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }
}
