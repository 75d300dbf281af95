package org.memberflow.api.console;

import java.util.ArrayList;
import java.util.List;
import org.memberflow.api.event.FieldError;
import org.memberflow.api.problem.InvalidRequestException;
import org.memberflow.rules.session.RuleFile;

/**
 * A browser sends a chosen file by its name alone ({@code birthday.drl.xlsx}), while the base
 * version keeps it under its folders ({@code org/memberflow/rules/builtin/birthday.drl.xlsx}).
 * A file sent without a folder takes the path of the base's file of that name, so that an edited
 * file replaces its original instead of being added beside it. When several base files have the
 * name, which one is meant cannot be told: refused, naming them.
 */
final class BaseFileNames {
    private BaseFileNames() {
    }

    static List<RuleFile> placed(List<RuleFile> sent, List<String> basePaths) {
        List<RuleFile> placed = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            RuleFile file = sent.get(i);
            if (file.path().contains("/")) {
                placed.add(file);
                continue;
            }
            List<String> same = basePaths.stream().filter(p -> baseName(p).equals(file.path())).toList();
            if (same.size() > 1) {
                errors.add(new FieldError("/files/" + i, "the base version has several files named " + file.path()
                        + " (" + String.join(", ", same) + "): remove the one it replaces and upload it again"));
            } else {
                placed.add(same.isEmpty() ? file : new RuleFile(same.get(0), file.content()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return placed;
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
