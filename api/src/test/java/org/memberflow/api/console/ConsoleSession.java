package org.memberflow.api.console;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's part in a console session, over plain HTTP: cookies kept, redirects not followed
 * (the tests look at them), and the CSRF token of the last page read, sent with the next form.
 */
final class ConsoleSession {
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String csrf;

    ConsoleSession(int port) {
        this.base = "http://localhost:" + port;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Reads the login page, posts the key; answers the login's redirect. */
    HttpResponse<String> login(String key) throws Exception {
        get("/login");
        return post("/login", Map.of("key", key));
    }

    HttpResponse<String> get(String path) throws Exception {
        return get(path, Map.of());
    }

    HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return remember(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** A form POST with the CSRF token of the last page read. */
    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        if (csrf != null) {
            withToken.put("_csrf", csrf);
        }
        return postWithoutToken(path, withToken);
    }

    HttpResponse<String> postWithoutToken(String path, Map<String, String> form) throws Exception {
        return postWithoutToken(path, form, Map.of());
    }

    /** A form POST as it is sent, with more headers (HX-Request, say). */
    HttpResponse<String> postWithoutToken(String path, Map<String, String> form, Map<String, String> headers)
            throws Exception {
        return send("POST", path, form, headers);
    }

    /** A request of any method with a form body and the CSRF token of the last page read. */
    HttpResponse<String> send(String method, String path, Map<String, String> form) throws Exception {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        if (csrf != null) {
            withToken.put("_csrf", csrf);
        }
        return send(method, path, withToken, Map.of());
    }

    /**
     * A multipart POST, as the upload form sends it: fields (a name may come more than once), files
     * as parts named {@code files} under their file name, and the CSRF token of the last page read.
     */
    HttpResponse<String> postMultipart(String path, List<Map.Entry<String, String>> fields, Map<String, byte[]> files)
            throws Exception {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        if (csrf != null) {
            all.add(Map.entry("_csrf", csrf));
        }
        return postMultipart(path, all, files, Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
    }

    /** The same form sent by htmx (the validate button): the CSRF token in a header, as console.js sends it. */
    HttpResponse<String> postMultipartByHtmx(String path, List<Map.Entry<String, String>> fields,
            Map<String, byte[]> files) throws Exception {
        return postMultipart(path, fields, files, Map.of("HX-Request", "true", "X-CSRF-TOKEN", csrf == null ? "" : csrf));
    }

    private HttpResponse<String> postMultipart(String path, List<Map.Entry<String, String>> all, Map<String, byte[]> files,
            Map<String, String> headers) throws Exception {
        String boundary = "console-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : all) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + file.getKey() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        headers.forEach(request::header);
        return remember(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> send(String method, String path, Map<String, String> form, Map<String, String> headers)
            throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return remember(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** The session cookie's value, or null before the server made a session. */
    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("MEMBERFLOW_SESSION"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        Matcher field = CSRF_FIELD.matcher(response.body());
        Matcher meta = CSRF_META.matcher(response.body());
        if (field.find()) {
            csrf = field.group(1);
        } else if (meta.find()) {
            csrf = meta.group(1);
        }
        return response;
    }
}
