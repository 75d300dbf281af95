package org.memberflow.api.ruleset;

import java.nio.charset.StandardCharsets;
import org.memberflow.rules.session.RuleFile;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One stored rule file as a download, the same from the API and the console: a spreadsheet as
 * one, DRL and CSV as UTF-8 text, under its own name without its folders.
 */
public final class RuleFileDownload {
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private RuleFileDownload() {
    }

    public static ResponseEntity<byte[]> of(RuleFile file) {
        String path = file.path();
        MediaType type = path.endsWith(".xlsx") ? XLSX : new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);
        String filename = path.substring(path.lastIndexOf('/') + 1);
        // A plain filename="…" for an ASCII name (what curl -OJ reads); filename* only for others.
        ContentDisposition.Builder disposition = ContentDisposition.attachment();
        if (StandardCharsets.US_ASCII.newEncoder().canEncode(filename)) {
            disposition.filename(filename);
        } else {
            disposition.filename(filename, StandardCharsets.UTF_8);
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.build().toString())
                .body(file.content());
    }
}
