package org.memberflow.api.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * A small HTTP client for the server under test: JSON, multipart forms, plain GETs and DELETEs,
 * each sent with an API key (the tests' ADMIN key unless another is given; null: none).
 */
public final class Http {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final int port;
    private final String base;
    private final String key;

    public Http(int port) {
        this(port, TestKeys.ADMIN);
    }

    public Http(int port, String key) {
        this.port = port;
        this.base = "http://localhost:" + port;
        this.key = key;
    }

    /** The same server, with another key (null: anonymous). */
    public Http as(String otherKey) {
        return new Http(port, otherKey);
    }

    /** A request to {@code path} with this client's key, to finish and {@link #send}. */
    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        return key == null ? b : b.header("Authorization", "Bearer " + key);
    }

    public HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path) throws Exception {
        return CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> postJson(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> putJson(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> delete(String path) throws Exception {
        return send(request(path).DELETE().build());
    }

    /** A multipart/form-data POST: text fields, and files sent as parts named {@code files}. */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, Map<String, byte[]> files)
            throws Exception {
        return postMultipart(path, fields, files, Map.of());
    }

    /** The same, with more headers. */
    public HttpResponse<String> postMultipart(String path, Map<String, String> fields, Map<String, byte[]> files,
            Map<String, String> headers) throws Exception {
        String boundary = "mf-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n");
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(file.getValue());
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        HttpRequest.Builder request = request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary);
        headers.forEach(request::header);
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
