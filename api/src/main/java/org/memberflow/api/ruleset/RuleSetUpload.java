package org.memberflow.api.ruleset;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.memberflow.api.event.FieldError;
import org.memberflow.api.problem.InvalidRequestException;
import org.memberflow.api.problem.NotFoundException;
import org.memberflow.rules.session.RuleFile;

/**
 * An upload, read from JSON or from a multipart form and checked field by field. With a
 * {@code base} version, the files sent replace or add to the base's files and {@code remove}
 * drops some, so a marketer who edited one spreadsheet sends just that spreadsheet.
 */
public record RuleSetUpload(String name, String author, String comment, Integer base, List<RuleFile> files,
        List<String> remove) {
    public static final int MAX_COMMENT = 1000;

    /** The JSON form: {@code content} for text files, {@code contentBase64} for spreadsheets. */
    record Json(String name, String author, String comment, Integer base, List<FileJson> files, List<String> remove) {
    }

    record FileJson(String path, String content, String contentBase64) {
    }

    static RuleSetUpload of(Json json) {
        if (json == null) {
            throw new InvalidRequestException("", "the body must be a JSON object");
        }
        List<FieldError> errors = new ArrayList<>();
        List<RuleFile> files = new ArrayList<>();
        List<FileJson> sent = json.files() == null ? List.of() : json.files();
        for (int i = 0; i < sent.size(); i++) {
            FileJson f = sent.get(i);
            String at = "/files/" + i;
            if (f == null || f.path() == null || f.path().isBlank()) {
                errors.add(new FieldError(at + "/path", "is required"));
                continue;
            }
            if ((f.content() == null) == (f.contentBase64() == null)) {
                errors.add(new FieldError(at, "needs exactly one of content (text) and contentBase64 (bytes)"));
                continue;
            }
            try {
                byte[] bytes = f.content() != null ? f.content().getBytes(StandardCharsets.UTF_8)
                        : Base64.getMimeDecoder().decode(f.contentBase64());
                files.add(new RuleFile(f.path(), bytes));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(at + "/contentBase64", "is not base64: " + e.getMessage()));
            }
        }
        return checked(json.name(), json.author(), json.comment(), json.base(), files,
                json.remove() == null ? List.of() : json.remove(), errors);
    }

    public static RuleSetUpload of(String name, String author, String comment, Integer base, List<RuleFile> files,
            List<String> remove) {
        return checked(name, author, comment, base, files, remove, new ArrayList<>());
    }

    private static RuleSetUpload checked(String name, String author, String comment, Integer base, List<RuleFile> files,
            List<String> remove, List<FieldError> errors) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            errors.add(new FieldError("/name", "is required: 1 to 64 letters, digits, '.', '_' or '-'"));
        }
        requireActor(author, "/author", errors);
        if (comment != null && comment.length() > MAX_COMMENT) {
            errors.add(new FieldError("/comment", "must be at most " + MAX_COMMENT + " characters"));
        }
        if (files.isEmpty() && base == null) {
            errors.add(new FieldError("/files", "at least one file is required (or a base version)"));
        }
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            if (!paths.add(files.get(i).path())) {
                errors.add(new FieldError("/files/" + i, "a second file named " + files.get(i).path()));
            }
        }
        if (!remove.isEmpty() && base == null) {
            errors.add(new FieldError("/remove", "needs a base version to remove files from"));
        }
        for (int i = 0; i < remove.size(); i++) {
            if (remove.get(i) == null || remove.get(i).isBlank()) {
                errors.add(new FieldError("/remove/" + i, "must be a file path"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new RuleSetUpload(name, author, comment == null ? "" : comment, base, List.copyOf(files),
                List.copyOf(remove));
    }

    /** Also '(' and ')': the console records a key's name with its id, {@code li.na (k3v9q2x7m1ab)}. */
    static void requireActor(String actor, String pointer, List<FieldError> errors) {
        if (actor == null || !actor.matches("[\\p{L}\\p{N}._@ ()-]{1,64}")) {
            errors.add(new FieldError(pointer,
                    "is required: who does this, 1 to 64 letters, digits, spaces, '.', '_', '@', '-', '(', ')'"));
        }
    }

    /** The whole file list of the new version: the base's files overlaid with the ones sent. */
    public List<RuleFile> resolve(RuleSetCatalog catalog) {
        if (base == null) {
            return files;
        }
        Map<String, RuleFile> merged = new LinkedHashMap<>();
        List<RuleFile> baseFiles;
        try {
            baseFiles = catalog.files(base);
        } catch (NotFoundException e) {
            throw new InvalidRequestException("/base", "there is no version " + base);
        }
        baseFiles.forEach(f -> merged.put(f.path(), f));
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < remove.size(); i++) {
            if (merged.remove(remove.get(i)) == null) {
                errors.add(new FieldError("/remove/" + i, "version " + base + " has no file " + remove.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        files.forEach(f -> merged.put(f.path(), f));
        return List.copyOf(merged.values());
    }
}
