package org.memberflow.api.console;

import org.memberflow.api.ruleset.RuleSetVersion;
import org.springframework.ui.Model;

/** The DRL editor's model: which version it edits on, which file, and the text. */
final class Editable {
    private Editable() {
    }

    /** DRL and CSV decision tables are text to edit in the browser; spreadsheets are not. */
    static boolean isText(String path) {
        return path.endsWith(".drl") || path.endsWith(".drl.csv");
    }

    static void fill(Model model, RuleSetVersion base, String path, String content, String comment) {
        model.addAttribute("version", base);
        model.addAttribute("name", base.name());
        model.addAttribute("path", path);
        model.addAttribute("content", content);
        model.addAttribute("comment", comment);
    }
}
