package org.memberflow.api.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Checks that a port is free before a server is started on it, for a one-line error. */
public final class Ports {
    private Ports() {
    }

    public static void requireFree(int port, String what, String variable) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new LocalStackException("port " + port + " for " + what + " is already in use; stop what uses it or set "
                    + variable + " to another port");
        }
    }

    /** A port that is free now, for tests that start their own stack. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new LocalStackException("no free local port", e);
        }
    }
}
