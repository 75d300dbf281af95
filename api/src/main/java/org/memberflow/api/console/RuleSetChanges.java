package org.memberflow.api.console;

import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.memberflow.api.problem.ConflictException;
import org.memberflow.api.problem.InvalidRequestException;
import org.memberflow.api.ruleset.RuleFileParts;
import org.memberflow.api.ruleset.RuleSetCatalog;
import org.memberflow.api.ruleset.RuleSetSimulator;
import org.memberflow.api.ruleset.RuleSetUpload;
import org.memberflow.api.ruleset.RuleSetVersion;
import org.memberflow.rules.session.RuleFile;
import org.memberflow.rules.session.RuleSetRejectedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rule-set changes a MARKETER makes in the console, through the same catalogue, simulator and
 * checks as {@code /api/v1/rulesets}: validate (errors inline), upload (a rejected set is shown
 * with its errors and nothing is stored), simulate, activate and roll back. The form sends files,
 * or the editor's one file as text, on top of a base version.
 */
@Controller
class RuleSetChanges {
    static final int DEFAULT_SAMPLE = 100;
    private final RuleSetCatalog catalog;
    private final RuleSetSimulator simulator;

    RuleSetChanges(RuleSetCatalog catalog, RuleSetSimulator simulator) {
        this.catalog = catalog;
        this.simulator = simulator;
    }

    /** Compiles and checks the files; stores nothing. Answers the fragment that shows the outcome. */
    @PostMapping("/console/rulesets/validate")
    String validate(@RequestParam(required = false) String name, @RequestParam(required = false) Integer base,
            @RequestParam(required = false) List<String> remove, @RequestParam(required = false) String path,
            @RequestParam(required = false) String content,
            @RequestParam(name = "files", required = false) List<MultipartFile> parts,
            @AuthenticationPrincipal ConsoleUser user, Model model, HttpServletResponse response) {
        RuleSetUpload upload = RuleSetUpload.of(name, user.actor(), "", base, files(parts, base, path, content),
                orNone(remove));
        try {
            model.addAttribute("rules", catalog.validate(upload.name(), upload.resolve(catalog)).ruleNames());
        } catch (RuleSetRejectedException e) {
            response.setStatus(422);
            model.addAttribute("compileErrors", e.errors());
        }
        return "console/fragments :: validation";
    }

    /** Stores a new draft, or shows the form again with every error and stores nothing. */
    @PostMapping("/console/rulesets")
    String upload(@RequestParam(required = false) String name, @RequestParam(required = false) String comment,
            @RequestParam(required = false) Integer base, @RequestParam(required = false) List<String> remove,
            @RequestParam(required = false) String path, @RequestParam(required = false) String content,
            @RequestParam(name = "files", required = false) List<MultipartFile> parts,
            @AuthenticationPrincipal ConsoleUser user, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            RuleSetUpload upload = RuleSetUpload.of(name, user.actor(), comment, base,
                    files(parts, base, path, content), orNone(remove));
            RuleSetCatalog.Uploaded stored = catalog.upload(upload.name(), upload.author(), upload.comment(),
                    upload.resolve(catalog));
            redirect.addFlashAttribute("notice", stored.created() ? "notice.uploaded" : "notice.known");
            return "redirect:/console/rulesets/" + stored.version().version();
        } catch (RuleSetRejectedException e) {
            response.setStatus(422);
            model.addAttribute("compileErrors", e.errors());
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            model.addAttribute("fieldErrors", e.errors());
        }
        // Again, as sent: the editor with its text, or the upload form (files cannot be refilled).
        if (path != null) {
            Editable.fill(model, base == null ? catalog.active() : catalog.get(base), path,
                    content == null ? "" : content, comment == null ? "" : comment);
            model.addAttribute("name", name);
            return "console/editor";
        }
        UploadForm.fill(model, catalog, name, comment, base, orNone(remove));
        return "console/upload";
    }

    /** What the version would decide beside the active one: on the members named, or else on a sample. */
    @PostMapping("/console/rulesets/{version}/simulate")
    String simulate(@PathVariable int version, @RequestParam(required = false) Integer sample,
            @RequestParam(required = false) String memberIds, Model model, HttpServletResponse response) {
        List<String> ids = memberIds == null ? List.of()
                : Arrays.stream(memberIds.split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
        // Named members are simulated on their own; a sample only when no member is named.
        Integer asked = !ids.isEmpty() ? null : sample == null ? Integer.valueOf(DEFAULT_SAMPLE) : sample;
        try {
            model.addAttribute("simulation", SimulationView.of(simulator.simulate(version,
                    new RuleSetSimulator.Request(asked, ids.isEmpty() ? null : ids, null, null))));
        } catch (RuleSetRejectedException e) {
            response.setStatus(422);
            model.addAttribute("compileErrors", e.errors());
        }
        return "console/fragments :: simulation";
    }

    @PostMapping("/console/rulesets/{version}/activate")
    String activate(@PathVariable int version, @RequestParam(required = false) String comment,
            @AuthenticationPrincipal ConsoleUser user, RedirectAttributes redirect) {
        try {
            catalog.activate(version, user.actor(), checkedComment(comment));
            redirect.addFlashAttribute("notice", "notice.activated");
        } catch (RuleSetRejectedException e) {
            redirect.addFlashAttribute("compileErrors", e.errors());
        }
        return "redirect:/console/rulesets/" + version;
    }

    /**
     * Makes the version active before the current one active again, if {@code from} (the active
     * version the page showed) still is: a second click or a stale page changes nothing and says so.
     */
    @PostMapping("/console/rulesets/rollback")
    String rollback(@RequestParam int from, @RequestParam(required = false) String comment,
            @AuthenticationPrincipal ConsoleUser user, RedirectAttributes redirect) {
        try {
            RuleSetVersion active = catalog.rollback(from, user.actor(), checkedComment(comment));
            redirect.addFlashAttribute("notice", "notice.rolledBack");
            return "redirect:/console/rulesets/" + active.version();
        } catch (ConflictException e) {
            redirect.addFlashAttribute("rollbackRefused",
                    new RollbackRefused(catalog.active().label(), Integer.toString(from)));
            return "redirect:/console/rulesets";
        } catch (RuleSetRejectedException e) {
            redirect.addFlashAttribute("compileErrors", e.errors());
            return "redirect:/console/rulesets";
        }
    }

    /** A rollback refused: {@code active} is the version active now, {@code from} the one the page showed. */
    record RollbackRefused(String active, String from) implements Serializable {
    }

    private static String checkedComment(String comment) {
        if (comment != null && comment.length() > RuleSetUpload.MAX_COMMENT) {
            throw new InvalidRequestException("/comment", "must be at most " + RuleSetUpload.MAX_COMMENT + " characters");
        }
        return comment == null ? "" : comment;
    }

    private static List<String> orNone(List<String> remove) {
        return remove == null ? List.of() : remove;
    }

    /**
     * The files chosen (each named by the browser without its folders, so put where the base's
     * file of that name is), and the editor's file when it has a path.
     */
    private List<RuleFile> files(List<MultipartFile> parts, Integer base, String path, String content) {
        List<RuleFile> files = new ArrayList<>(RuleFileParts.read(parts));
        if (base != null && !files.isEmpty()) {
            List<String> basePaths = catalog.fileSizes(base).stream().map(RuleSetVersion.FileSize::path).toList();
            files = new ArrayList<>(BaseFileNames.placed(files, basePaths));
        }
        if (path != null) {
            if (path.isBlank() || !Editable.isText(path)) {
                throw new InvalidRequestException("/path", "must name a .drl or .drl.csv file");
            }
            // A browser sends a textarea's lines ending in CRLF; the file keeps the LF it was written with.
            String text = content == null ? "" : content.replace("\r\n", "\n");
            files.add(new RuleFile(path.strip(), text.getBytes(StandardCharsets.UTF_8)));
        }
        return files;
    }
}
