package org.memberflow.api.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.memberflow.api.event.FieldError;
import org.memberflow.api.problem.InvalidRequestException;
import org.memberflow.rules.session.RuleFile;
import org.springframework.web.multipart.MultipartFile;

/**
 * The rule files of a multipart upload, the same for the API and the console: each part's file
 * name is its path. A part with neither name nor content is a file input left empty (what a
 * browser sends then) and is skipped; a part with content but no name is a 400 naming it.
 */
public final class RuleFileParts {
    private RuleFileParts() {
    }

    public static List<RuleFile> read(List<MultipartFile> parts) {
        if (parts == null) {
            return List.of();
        }
        List<RuleFile> files = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            MultipartFile part = parts.get(i);
            String name = part.getOriginalFilename();
            boolean unnamed = name == null || name.isBlank();
            if (unnamed && part.isEmpty()) {
                continue;
            }
            if (unnamed) {
                errors.add(new FieldError("/files/" + i, "needs a file name"));
                continue;
            }
            try {
                files.add(new RuleFile(name, part.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return files;
    }
}
