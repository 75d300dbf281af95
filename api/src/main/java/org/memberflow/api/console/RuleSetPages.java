package org.memberflow.api.console;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.memberflow.api.paging.Page;
import org.memberflow.api.problem.InvalidParameterException;
import org.memberflow.api.ruleset.RuleFileDownload;
import org.memberflow.api.ruleset.RuleSetCatalog;
import org.memberflow.api.ruleset.RuleSetVersion;
import org.memberflow.rules.version.RuleSetDiff;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The rule-set pages to read: the versions (the active one marked) with the audit, one version
 * with its files, a file in the editor, the upload form, and the diff of two versions.
 */
@Controller
class RuleSetPages {
    static final int PAGE_SIZE = 20;
    private final RuleSetCatalog catalog;

    RuleSetPages(RuleSetCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/console/rulesets")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Page.check(page, PAGE_SIZE); // the API's bounds: no page whose offset overflows
        model.addAttribute("versions", catalog.page(page * PAGE_SIZE, PAGE_SIZE));
        model.addAttribute("page", page);
        model.addAttribute("more", (long) (page + 1) * PAGE_SIZE < catalog.count());
        model.addAttribute("audit", catalog.audit(0, 15));
        // What the rollback button does, named: from the active version to the one before it.
        model.addAttribute("active", catalog.active());
        model.addAttribute("previous", catalog.previouslyActive());
        return "console/rulesets";
    }

    @GetMapping("/console/rulesets/{version}")
    String version(@PathVariable int version, Model model) {
        RuleSetVersion v = catalog.get(version);
        model.addAttribute("version", v);
        model.addAttribute("files", catalog.fileSizes(version));
        model.addAttribute("active", catalog.active().version());
        model.addAttribute("others", VersionChoices.of(catalog).stream().filter(o -> o.version() != version).toList());
        return "console/ruleset";
    }

    /** A file of a version in the editor; without a path, a new file on top of the version. */
    @GetMapping("/console/rulesets/{version}/edit")
    String edit(@PathVariable int version, @RequestParam(required = false) String path, Model model) {
        RuleSetVersion v = catalog.get(version);
        String content = "";
        if (path != null && !path.isBlank()) {
            if (!Editable.isText(path)) {
                throw new InvalidParameterException("path", "a spreadsheet is edited in a spreadsheet program:"
                        + " download it, change it and upload it");
            }
            content = new String(catalog.file(version, path).content(), StandardCharsets.UTF_8);
        }
        Editable.fill(model, v, path == null ? "" : path, content, "");
        return "console/editor";
    }

    /** The upload form, on top of {@code base}: the active version when not given, none when left empty. */
    @GetMapping("/console/rulesets/new")
    String upload(@RequestParam(required = false) Integer base, HttpServletRequest request, Model model) {
        if (base == null && request.getParameter("base") != null) {
            UploadForm.fill(model, catalog, catalog.active().name(), "", null, List.of());
            return "console/upload";
        }
        RuleSetVersion on = base != null ? catalog.get(base) : catalog.active();
        UploadForm.fill(model, catalog, on.name(), "", on.version(), List.of());
        return "console/upload";
    }

    /** One file as uploaded, to download (a spreadsheet, to edit in a spreadsheet program). */
    @GetMapping("/console/rulesets/{version}/file")
    ResponseEntity<byte[]> file(@PathVariable int version, @RequestParam String path) {
        return RuleFileDownload.of(catalog.file(version, path));
    }

    /** What changed from {@code against} (the active version unless given) to {@code version}. */
    @GetMapping("/console/rulesets/{version}/diff")
    String diff(@PathVariable int version, @RequestParam(required = false) Integer against, Model model) {
        RuleSetVersion to = catalog.get(version);
        RuleSetVersion from = against != null ? catalog.get(against) : catalog.active();
        List<RuleSetDiff.FileDiff> files = catalog.diff(from.version(), to.version());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("files", files.stream().map(DiffView::of).toList());
        model.addAttribute("others", VersionChoices.of(catalog).stream().filter(o -> o.version() != version).toList());
        return "console/diff";
    }
}
