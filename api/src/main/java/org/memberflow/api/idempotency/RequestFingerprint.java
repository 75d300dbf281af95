package org.memberflow.api.idempotency;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests the same one sent twice: method, path and query, and the content. A
 * multipart form is taken part by part (name, file name, bytes), since each sending has its own
 * boundary; any other body byte for byte, and kept so that the handler can still read it.
 */
final class RequestFingerprint {
    private final MessageDigest digest;

    private RequestFingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    static String sha256(String text) {
        RequestFingerprint f = new RequestFingerprint();
        f.add(text);
        return f.hex();
    }

    /** The fingerprint of a multipart request, whose parts the container has parsed and keeps. */
    static String ofParts(HttpServletRequest request) throws IOException, ServletException {
        RequestFingerprint f = start(request);
        for (Part part : request.getParts()) {
            f.add(part.getName());
            f.add(String.valueOf(part.getSubmittedFileName()));
            try (InputStream in = part.getInputStream()) {
                f.add(in.readAllBytes());
            }
        }
        return f.hex();
    }

    /** The fingerprint of a request whose body is {@code body}. */
    static String ofBody(HttpServletRequest request, byte[] body) {
        RequestFingerprint f = start(request);
        f.add(String.valueOf(request.getContentType()));
        f.add(body);
        return f.hex();
    }

    private static RequestFingerprint start(HttpServletRequest request) {
        RequestFingerprint f = new RequestFingerprint();
        f.add(request.getMethod());
        f.add(request.getRequestURI());
        f.add(String.valueOf(request.getQueryString()));
        return f;
    }

    private void add(String s) {
        add(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Length first, so that no two different sequences of fields hash the same. */
    private void add(byte[] b) {
        digest.update(ByteBuffer.allocate(Long.BYTES).putLong(b.length).array());
        digest.update(b);
    }

    private String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
