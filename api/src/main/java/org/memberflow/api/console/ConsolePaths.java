package org.memberflow.api.console;

/** The console's pages: the paths of its security chain, but for its scripts and styles (a missing one is no page). */
final class ConsolePaths {
    private ConsolePaths() {
    }

    /** @param path without the context path */
    static boolean isPage(String path) {
        return path.equals("/") || path.equals(ConsoleSecurity.LOGIN) || path.equals("/logout") || path.equals("/console")
                || path.startsWith("/console/") && !path.startsWith("/console/assets/");
    }
}
