package org.memberflow.api.console;

import java.util.List;
import org.memberflow.api.ruleset.RuleSetCatalog;
import org.memberflow.api.ruleset.RuleSetVersion;
import org.springframework.ui.Model;

/** The upload form's model: its fields, the versions to build on, and the base's files to remove. */
final class UploadForm {
    private UploadForm() {
    }

    /** @param removed the base files ticked to remove (kept ticked when the form comes back with errors) */
    static void fill(Model model, RuleSetCatalog catalog, String name, String comment, Integer base, List<String> removed) {
        model.addAttribute("name", name);
        model.addAttribute("comment", comment);
        model.addAttribute("base", base);
        model.addAttribute("versions", VersionChoices.of(catalog));
        model.addAttribute("baseFiles", base == null ? List.of()
                : catalog.fileSizes(base).stream().map(RuleSetVersion.FileSize::path).toList());
        model.addAttribute("removed", removed);
    }
}
